"""The blank feedback form's fields are kept whole (``{% fragment %}``); nothing a resident types is."""

import pytest
from django.urls import reverse

from feedback.models import Feedback
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
