"""Honeypot, minimum time and rate limit: bots are dropped quietly, people get their text back."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from feedback.abuse import client_fingerprint
from feedback.models import DroppedSubmission, Feedback

pytestmark = pytest.mark.django_db


def dropped(reason):
    return sum(DroppedSubmission.objects.filter(reason=reason).values_list("count", flat=True))


def test_a_filled_honeypot_is_dropped_quietly_and_counted(client, send):
    response = send(website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:thanks")
    assert client.get(response["Location"]).status_code == 200
    assert not Feedback.objects.exists()
    assert dropped(DroppedSubmission.Reason.HONEYPOT) == 1


def test_a_form_sent_faster_than_a_person_can_is_not_stored_but_comes_back_with_its_text(
    send, form_token, settings
):
    settings.FEEDBACK_MIN_SECONDS = 3
    response = send(form_token=form_token(seconds_ago=1), message="A comment I pasted in.")
    assert response.status_code == 200
    assert not Feedback.objects.exists()
    assert dropped(DroppedSubmission.Reason.TOO_FAST) == 1
    html = response.content.decode()
    assert "Your message has not been sent yet" in html
    assert "A comment I pasted in." in html
    assert send(form_token=form_token(seconds_ago=4)).status_code == 302
    assert Feedback.objects.count() == 1


def test_a_fast_empty_form_gets_its_errors_not_a_thank_you(send, form_token, settings):
    settings.FEEDBACK_MIN_SECONDS = 3
    response = send(form_token=form_token(seconds_ago=1), message="")
    assert response.status_code == 200
    assert "Thank you" not in response.content.decode()
    assert response.context["form"].errors["message"]


def test_the_minimum_time_counts_from_when_the_form_was_first_shown(send, form_token, settings):
    """Fixing one typo after an error must not look like a bot."""
    settings.FEEDBACK_MIN_SECONDS = 3
    token = form_token(seconds_ago=30)
    with_error = send(form_token=token, email="oops")
    carried = with_error.context["form"]["form_token"].value()
    assert carried == token
    assert send(form_token=carried).status_code == 302


def test_drops_are_counted_per_day_and_reason(send):
    send(website="x")
    send(website="y")
    row = DroppedSubmission.objects.get()
    assert (row.reason, row.count) == (DroppedSubmission.Reason.HONEYPOT, 2)


def test_the_rate_limit_answers_429_and_gives_the_text_back(send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (2, 600)
    for _ in range(2):
        assert send(form_token=form_token()).status_code == 302
    response = send(form_token=form_token(), message="My third message, please keep it.")
    assert response.status_code == 429
    assert int(response["Retry-After"]) <= 601
    html = response.content.decode()
    assert "Please wait a few minutes" in html
    assert "My third message, please keep it." in html
    assert 'value="ada@example.org"' in html
    assert re.search(r'<form[^>]*action="/feedback/"', html)
    assert Feedback.objects.count() == 2
    assert dropped(DroppedSubmission.Reason.RATE_LIMITED) == 1


def test_the_rate_limit_is_per_client(send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    assert send(form_token=form_token(), REMOTE_ADDR="203.0.113.1").status_code == 302
    assert send(form_token=form_token(), REMOTE_ADDR="203.0.113.1").status_code == 429
    assert send(form_token=form_token(), REMOTE_ADDR="203.0.113.2").status_code == 302


def test_a_double_click_does_not_use_up_the_rate_limit(send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (2, 600)
    token = form_token()
    for _ in range(4):
        send(form_token=token)
    assert send(form_token=form_token()).status_code == 302


def test_invalid_attempts_do_not_use_up_the_rate_limit(send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    for _ in range(3):
        assert send(form_token=form_token(), message="").status_code == 200
    assert send(form_token=form_token()).status_code == 302


def test_client_addresses_are_kept_only_as_salted_hashes(send, rf, settings):
    send(REMOTE_ADDR="198.51.100.7")
    stored = Feedback.objects.values().get()
    assert not any("198.51.100.7" in str(value) for value in stored.values())
    assert len(stored["client_hash"]) == 64
    request = rf.post("/", REMOTE_ADDR="198.51.100.7")
    assert stored["client_hash"] == client_fingerprint(request)
    settings.FEEDBACK_HASH_SALT = "another-salt"
    assert client_fingerprint(request) != stored["client_hash"]


def test_ipv6_clients_are_counted_by_their_network(rf):
    one = rf.post("/", REMOTE_ADDR="2001:db8:1:2::10")
    same_network = rf.post("/", REMOTE_ADDR="2001:db8:1:2:ffff::99")
    other_network = rf.post("/", REMOTE_ADDR="2001:db8:1:3::10")
    assert client_fingerprint(one) == client_fingerprint(same_network)
    assert client_fingerprint(one) != client_fingerprint(other_network)


def test_behind_a_trusted_proxy_the_forwarded_address_counts(rf, settings):
    settings.FEEDBACK_TRUSTED_PROXIES = 1
    a = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="forged, 203.0.113.1")
    b = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="other, 203.0.113.1")
    c = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert client_fingerprint(a) == client_fingerprint(b)
    assert client_fingerprint(a) != client_fingerprint(c)


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(rf):
    a = rf.post("/", REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="1.1.1.1")
    b = rf.post("/", REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="2.2.2.2")
    assert client_fingerprint(a) == client_fingerprint(b)


def test_the_form_is_protected_by_csrf_and_a_refused_form_keeps_its_text(db, valid_data, settings):
    settings.FEEDBACK_MIN_SECONDS = 3
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post(reverse("feedback:form"), valid_data)
    assert refused.status_code == 403
    assert not Feedback.objects.exists()
    html = refused.content.decode()
    assert "press “Send” again" in html
    assert "The new training videos are helpful" in html
    assert 'value="ada@example.org"' in html

    # The form keeps its own token, with the time it was first shown, so sending
    # it again at once goes through: the person already took their time.
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    token = re.search(r'name="form_token" value="([^"]+)"', html)[1]
    assert token == valid_data["form_token"]
    again = browser.post(
        reverse("feedback:form"),
        {**valid_data, "csrfmiddlewaretoken": csrf, "form_token": token},
    )
    assert again.status_code == 302
    assert Feedback.objects.count() == 1


def test_a_csrf_refusal_does_not_hand_out_a_way_around_the_minimum_time(
    db, valid_data, settings, wait
):
    settings.FEEDBACK_MIN_SECONDS = 3
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post(reverse("feedback:form"), {**valid_data, "form_token": "forged"})
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "The new training videos are helpful" in html
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    token = re.search(r'name="form_token" value="([^"]+)"', html)[1]
    data = {**valid_data, "csrfmiddlewaretoken": csrf, "form_token": token}

    at_once = browser.post(reverse("feedback:form"), data)
    assert not Feedback.objects.exists()
    # Not dropped either: the text comes back, to send again.
    assert at_once.status_code == 200
    assert "The new training videos are helpful" in at_once.content.decode()
    wait(3)
    assert browser.post(reverse("feedback:form"), data).status_code == 302
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize("token", [None, "", "forged"], ids=["missing", "empty", "altered"])
def test_leaving_out_the_token_does_not_skip_the_minimum_time(send, settings, wait, token):
    settings.FEEDBACK_MIN_SECONDS = 3
    given_back = send(form_token=token)
    assert given_back.status_code == 200
    assert "The new training videos are helpful" in given_back.content.decode()
    fresh = given_back.context["form"]["form_token"].value()

    at_once = send(form_token=fresh)
    assert not Feedback.objects.exists()
    # A person who presses “Send” again quickly still keeps their text.
    assert at_once.status_code == 200
    assert "The new training videos are helpful" in at_once.content.decode()
    assert "press “Send” again" in at_once.context["form"].non_field_errors()[0]
    assert at_once.context["form"]["form_token"].value() == fresh

    wait(3)
    assert send(form_token=fresh).status_code == 302
    assert Feedback.objects.count() == 1


def test_other_csrf_failures_get_a_page_that_says_what_to_do(db):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Go back, reload the page and send it again" in response.content.decode()


def test_the_honeypot_is_hidden_from_people_and_out_of_the_tab_order(client, db):
    html = client.get(reverse("feedback:form")).content.decode()
    honeypot = re.search(r'<div class="feedback-hp" aria-hidden="true">.*?</div>', html)[0]
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot


class UnreachableCache:
    """A cache server that is down."""

    def add(self, *args, **kwargs):
        raise ConnectionError("cache down")


def test_a_cache_outage_lets_the_message_through_and_is_logged(send, monkeypatch, caplog):
    monkeypatch.setattr("feedback.abuse.caches", {"default": UnreachableCache()})
    assert send().status_code == 302
    assert Feedback.objects.count() == 1
    assert "rate limit could not be checked" in caplog.text
