"""The blank feedback form's fields are kept whole (``{% fragment %}``); nothing a resident types is."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.models import SiteSettings
from feedback.models import Feedback, FeedbackPage
from tests.factories import admin_form_in_english
from tests.policies.factories import PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.FRAGMENT_CACHE = True  # as in production; the suite runs with it off


def test_a_form_sent_back_keeps_what_was_typed_after_blank_forms_were_kept(client, send):
    for _ in range(2):
        assert "Ada Resident" not in client.get(reverse("feedback:form")).content.decode()
    answer = send(message="", name="Ada Resident", zip_code="60615")
    html = answer.content.decode()
    assert answer.status_code == 200
    assert 'value="Ada Resident"' in html
    assert 'value="60615"' in html
    assert not Feedback.objects.exists()
    # …and the next visitor gets a blank form again, with a token of their own.
    fresh = client.get(reverse("feedback:form")).content.decode()
    assert "Ada Resident" not in fresh
    assert fresh.count('name="form_token"') == 1


def test_each_topic_and_each_draft_has_its_own_blank_form(client):
    general = client.get(reverse("feedback:form")).content.decode()
    accessibility = client.get(reverse("feedback:form"), {"topic": "accessibility"}).content
    assert '<option value="accessibility" selected>' in accessibility.decode()
    assert '<option value="accessibility" selected>' not in general
    draft = PolicyFactory(open_today=True, title="Foot Pursuits")
    comment = client.get(draft.get_absolute_url()).content.decode()
    assert "Your comment on this draft" in comment
    assert 'name="area"' not in comment  # a comment takes the draft's own area
    assert 'name="area"' in client.get(reverse("feedback:form")).content.decode()


def test_every_visitor_gets_a_fresh_form_token(client):
    tokens = set()
    for _ in range(3):
        html = client.get(reverse("feedback:form")).content.decode()
        start = html.index('name="form_token" value="') + len('name="form_token" value="')
        tokens.add(html[start : html.index('"', start)])
    assert len(tokens) == 3


# The whole page kept around the two values that are each visitor's own


def hidden_value(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html)[1]


@pytest.mark.parametrize("page", ["feedback", "draft"])
def test_a_kept_form_page_gives_each_visitor_tokens_of_their_own_that_work(
    page, valid_data, wait, django_capture_on_commit_callbacks, django_assert_num_queries
):
    url = reverse("feedback:form")
    if page == "draft":
        url = PolicyFactory(open_today=True, title="Foot Pursuits").get_absolute_url()
    Client().get(url)  # the first visitor's page is kept
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    with django_assert_num_queries(0):  # …and the next ones read nothing
        pages = [visitor.get(url) for visitor in visitors]
    html = [answer.content.decode() for answer in pages]
    assert "no-cache" in pages[0]["Cache-Control"]  # still never kept by a browser or proxy
    assert "\x00" not in html[0]
    assert hidden_value(html[0], "csrfmiddlewaretoken") != hidden_value(
        html[1], "csrfmiddlewaretoken"
    )
    assert hidden_value(html[0], "form_token") != hidden_value(html[1], "form_token")
    wait(60)
    with django_capture_on_commit_callbacks(execute=True):
        sent = visitors[1].post(
            url,
            {
                **valid_data,
                "csrfmiddlewaretoken": hidden_value(html[1], "csrfmiddlewaretoken"),
                "form_token": hidden_value(html[1], "form_token"),
            },
        )
    assert sent.status_code == 302
    assert Feedback.objects.get().message == valid_data["message"]


def test_staff_get_the_form_page_rendered_for_them_with_their_messages(staff_client):
    from core.demo import SITE

    SiteSettings(**SITE).save()
    data = admin_form_in_english(SiteSettings, {**SITE, "accent_color": "#0b3d66"})
    saved = staff_client.post(reverse("admin:core_sitesettings_change", args=[1]), data)
    assert saved.status_code == 302, saved.content
    html = staff_client.get(reverse("feedback:form")).content.decode()
    assert "was changed successfully" in html
    assert hidden_value(html, "form_token")
    # What staff were shown is theirs alone: never kept for the next resident.
    resident = Client().get(reverse("feedback:form")).content.decode()
    assert "was changed successfully" not in resident


def test_a_feedback_page_text_save_shows_on_the_kept_form_page_at_once(client):
    page = FeedbackPage.load()
    page.emergency_text = "In an emergency, call 911."
    page.save()
    assert "call 911." in client.get(reverse("feedback:form")).content.decode()
    page.emergency_text = "In an emergency, call 911 now."
    page.save()
    assert "call 911 now." in client.get(reverse("feedback:form")).content.decode()
