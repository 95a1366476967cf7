"""The confirmation page: the reference stays, what was sent is shown only for a while."""

import pytest
from django.test import Client

from feedback.models import Feedback

pytestmark = pytest.mark.django_db

MESSAGE = "The new training videos are helpful"
EMAIL = "ada@example.org"


def test_what_was_sent_is_shown_for_an_hour_then_only_the_reference(client, send, later):
    url = send()["Location"]
    reference = Feedback.objects.get().reference

    later(59 * 60)
    html = client.get(url).content.decode()
    assert MESSAGE in html
    assert f"We will reply to {EMAIL}" in html

    later(2 * 60)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reference in html
    assert MESSAGE not in html
    assert EMAIL not in html
    assert "no longer shown here, to protect your privacy" in html


def test_how_long_the_details_are_shown_is_a_setting(client, send, later, settings):
    settings.FEEDBACK_CONFIRMATION_SECONDS = 600
    url = send()["Location"]
    later(599)
    assert MESSAGE in client.get(url).content.decode()
    later(2)
    assert MESSAGE not in client.get(url).content.decode()


def test_sending_the_same_form_again_does_not_bring_the_details_back(client, send, later):
    """The back button on a shared computer, then “Send” again, shows nothing new."""
    url = send()["Location"]
    later(3601)
    again = send()
    assert again["Location"] == url
    html = client.get(url).content.decode()
    assert MESSAGE not in html
    assert Feedback.objects.get().reference in html


def test_a_session_from_before_times_were_kept_shows_only_the_reference(client, send):
    url = send()["Location"]
    reference = Feedback.objects.get().reference
    session = client.session
    session["feedback_sent"] = [reference]  # how sessions remembered a reference before
    session.save()
    html = client.get(url).content.decode()
    assert reference in html
    assert MESSAGE not in html


def test_each_confirmation_keeps_its_own_time(client, send, form_token, later):
    first = send()["Location"]
    later(30 * 60)
    second = send(form_token=form_token(), message="A second message, sent later.")["Location"]
    later(31 * 60)
    assert MESSAGE not in client.get(first).content.decode()
    assert "A second message, sent later." in client.get(second).content.decode()
    assert Client().get(second).status_code == 404
