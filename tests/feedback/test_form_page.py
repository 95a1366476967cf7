"""The feedback page says what the form is not for, where complaints go, and what is kept."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from feedback.models import FeedbackPage
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def page_html(client):
    response = client.get(reverse("feedback:form"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_warns_about_emergencies_and_links_to_copa(client, demo_content):
    html = page_html(client)
    assert "call 911" in html
    assert re.search(
        r'<a href="https://www.chicagocopa.org/">[^<]*Civilian Office of Police Accountability',
        html,
    )


def test_the_privacy_notice_says_what_is_kept_and_for_how_long(client, demo_content, settings):
    settings.FEEDBACK_PERSONAL_DATA_DAYS = 180
    html = page_html(client)
    assert "What we keep and for how long" in html
    assert "only the staff who review feedback" in html
    assert "We delete your name, email address and ZIP code 180 days after" in html
    privacy = re.search(r'<section class="feedback-privacy".*?</section>', html, re.S)[0]
    assert '<a href="/privacy/">How we handle your information' in privacy


def test_staff_edits_to_the_notices_show_on_the_page(client, demo_content):
    page = FeedbackPage.load()
    page.complaints_link_text = "File a complaint with the Office of Police Oversight"
    page.complaints_url = "https://oversight.example.gov/complaints"
    page.privacy_notice = "We keep **very little**.<script>alert(1)</script>"
    page.save()
    html = page_html(client)
    assert (
        '<a href="https://oversight.example.gov/complaints">'
        "File a complaint with the Office of Police Oversight</a>" in html
    )
    assert "We keep <strong>very little</strong>." in html
    assert "<script>alert(1)" not in html


def test_the_page_works_before_any_setup(client, db):
    """Before demo content or staff edits: the safe default warnings, no broken link."""
    html = page_html(client)
    assert "call 911" in html
    assert 'href=""' not in html


def test_topics_are_the_areas_plus_general(client, demo_content):
    html = page_html(client)
    select = re.search(r'<select name="area".*?</select>', html, re.S)[0]
    assert '<option value="" selected>General</option>' in select
    assert "Use of Force" in select


def test_the_reply_languages_are_marked_for_screen_readers(client, db):
    html = page_html(client)
    assert '<option value="es" lang="es">Español</option>' in html


def test_every_field_has_a_label_and_personal_fields_say_they_are_optional(client, db):
    html = page_html(client)
    for name in ("area", "message", "may_contact", "email", "language", "name", "zip_code"):
        assert f'<label for="id_{name}">' in html, name
    for label in ("Your name", "ZIP code"):
        assert re.search(rf"{label} <span class=\"field-flag\">\(optional\)</span>", html)
    # Not optional once a reply is asked for, and the label says so.
    assert 'Email address <span class="field-flag">(needed if you ask for a reply)</span>' in html
    assert 'autocomplete="postal-code"' in html
    assert 'autocomplete="email"' in html


def test_the_page_query_count_does_not_grow_with_the_areas(
    client, demo_content, django_assert_max_num_queries
):
    client.get(reverse("feedback:form"))  # warm the cached site settings and notices
    # One query: the topics. The notices and site settings come from the cache.
    with django_assert_max_num_queries(1):
        client.get(reverse("feedback:form"))
    AreaFactory.create_batch(40)
    with django_assert_max_num_queries(1):
        client.get(reverse("feedback:form"))


def test_demo_content_sets_up_the_feedback_page_once_and_keeps_staff_edits(db):
    call_command("load_demo_content", verbosity=0)
    page = FeedbackPage.objects.get()
    assert page.complaints_url == "https://www.chicagocopa.org/"
    page.heading = "Edited by staff"
    page.save()
    call_command("load_demo_content", verbosity=0)
    assert FeedbackPage.objects.get().heading == "Edited by staff"
    assert FeedbackPage.objects.count() == 1
