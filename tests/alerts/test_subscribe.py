"""Subscribing: double opt-in, links that expire, and a form that never says who is subscribed."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from alerts.models import Delivery, Subscription
from alerts.sending import send_pending
from tests.factories import AreaFactory, PostFactory

from .conftest import link_in, path_of
from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_opt_in_end_to_end_nothing_is_sent_before_the_confirmation_link_is_followed(
    client, subscribe, publish, sender_started
):
    response = subscribe("Ada@Example.org", topics=["news"])
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:check_email")
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["ada@example.org"]
    assert "Confirm your email alerts" in confirmation.subject
    assert "News and updates" in confirmation.body  # what was asked for, to check

    # Until the link is followed, news reaches nobody.
    publish(PostFactory.build(title="Before confirming"))
    assert not Delivery.objects.exists()
    send_pending()
    assert len(mail.outbox) == 1

    confirm = path_of(link_in(confirmation, "confirm"))
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Yes, start my alerts" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None  # a mail scanner following the link
    answer = client.post(confirm, follow=True)
    assert "You are subscribed" in answer.content.decode()
    assert Subscription.objects.get().confirmed_at is not None

    publish(PostFactory.build(title="After confirming"))
    report = send_pending()
    assert report.sent == 1
    alert = mail.outbox[-1]
    assert alert.to == ["ada@example.org"]
    assert "After confirming" in alert.subject
    assert "Before confirming" not in alert.body


def test_the_confirmation_link_expires(client, subscribe, signing_clock, settings):
    settings.ALERTS_CONFIRM_DAYS = 3
    subscribe("late@example.org")
    confirm = path_of(link_in(mail.outbox[0], "confirm"))
    signing_clock(days=3.1)
    response = client.get(confirm)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert client.post(confirm).status_code == 410
    assert Subscription.objects.get().confirmed_at is None


def test_an_altered_confirmation_link_leads_nowhere(client, subscribe):
    subscribe("ada@example.org")
    confirm = path_of(link_in(mail.outbox[0], "confirm"))
    response = client.post(confirm.replace(":", ":x", 1))
    assert response.status_code == 404
    assert Subscription.objects.get().confirmed_at is None


def test_the_form_answers_the_same_whatever_the_address_and_only_the_inbox_learns_more(
    subscribe,
):
    SubscriptionFactory(email="known@example.org", topics=["events"])
    SubscriptionFactory(email="waiting@example.org", confirmed_at=None)
    responses = []
    for email in ("new@example.org", "waiting@example.org", "known@example.org"):
        response = subscribe(email, topics=["news"])
        responses.append((response.status_code, response["Location"]))
    assert len(set(responses)) == 1
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Confirm" in by_address["new@example.org"].subject
    assert "Confirm" in by_address["waiting@example.org"].subject
    known = by_address["known@example.org"]
    assert "already" in known.body
    assert "/alerts/confirm/" not in known.body
    assert link_in(known, "preferences")
    # A confirmed subscriber's choices change only through their own link.
    assert Subscription.objects.get(email="known@example.org").topics == ["events"]


def test_asking_again_soon_sends_no_second_email(subscribe):
    subscribe("ada@example.org")
    subscribe("ada@example.org")
    assert len(mail.outbox) == 1


def test_the_choices_are_kept_until_confirmed(client, subscribe):
    area = AreaFactory(title="Training")
    subscribe("ada@example.org", topics=["drafts", "events"], areas=[area])
    subscription = Subscription.objects.get()
    assert subscription.topics == ["drafts", "events"]
    assert list(subscription.areas.all()) == [area]
    assert subscription.confirmed_at is None


def test_a_mistyped_address_comes_back_with_everything_chosen(client, subscribe):
    response = subscribe("ada-at-example.org", topics=["events"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter an email address like name@example.com." in html
    # Announced when the page opens, as on every form of the site.
    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus' in html
    assert 'value="ada-at-example.org"' in html
    assert 'value="events" id="id_topics_1" checked' in html
    assert 'value="drafts" id="id_topics_0" checked' not in html
    assert not Subscription.objects.exists()


def test_choosing_nothing_asks_for_a_topic(subscribe):
    html = subscribe("ada@example.org", topics=[]).content.decode()
    assert "Tick at least one kind of news to hear about." in html
    assert 'href="#id_topics_0"' in html


def test_a_filled_honeypot_is_dropped_quietly(subscribe):
    response = subscribe("bot@example.org", website="https://spam.example")
    assert response["Location"] == reverse("alerts:check_email")
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_a_form_sent_faster_than_a_person_types_comes_back(client, settings):
    settings.FEEDBACK_MIN_SECONDS = 3
    page = client.get(reverse("alerts:subscribe")).content.decode()
    token = page.split('name="form_token" value="')[1].split('"')[0]
    response = client.post(
        reverse("alerts:subscribe"),
        {"email": "ada@example.org", "topics": ["news"], "language": "en", "form_token": token},
    )
    assert response.status_code == 200
    assert "has not been sent yet" in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_form_without_its_token_comes_back_with_a_fresh_one(subscribe):
    response = subscribe("ada@example.org", form_token="")
    assert "was not sent" in response.content.decode()
    assert not Subscription.objects.exists()


def test_too_many_requests_from_one_connection_wait_with_the_form_kept(subscribe, settings):
    settings.FEEDBACK_RATE_LIMIT = (2, 600)
    subscribe("one@example.org")
    subscribe("two@example.org")
    response = subscribe("three@example.org", topics=["events"])
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert 'value="three@example.org"' in html
    assert "press “Subscribe” again" in html
    assert not Subscription.objects.filter(email="three@example.org").exists()


def test_a_form_refused_by_the_csrf_check_comes_back_with_what_was_typed():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("alerts:subscribe"), {"email": "ada@example.org", "topics": ["news"]}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert 'value="ada@example.org"' in html
    assert "needs to be sent again" in html
    assert not Subscription.objects.exists()


def test_the_form_pages_are_never_cached(client, subscribe):
    assert "no-store" in client.get(reverse("alerts:subscribe"))["Cache-Control"]
    subscribe("ada@example.org")
    confirm = path_of(link_in(mail.outbox[0], "confirm"))
    assert "no-store" in client.get(confirm)["Cache-Control"]
