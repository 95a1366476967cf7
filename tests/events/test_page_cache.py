"""Meetings in the page cache: a change shows at once, an event's end moves it to the past."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse

from alerts.sending import send_pending
from events.models import Event
from tests.alerts.factories import SubscriptionFactory
from tests.factories import PostFactory, local_noon

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (the suite runs with it off)."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE = True


def travel_to(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_an_event_moves_from_upcoming_to_past_when_it_ends_without_a_save(client, page_cache):
    now = local_noon()
    event = EventFactory(
        title="Budget hearing",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    with travel_to(now):
        assert "Budget hearing" in client.get("/").content.decode()
        assert client.get("/")["X-Page-Cache"] == "hit"
        assert "Join online" in client.get(event.get_absolute_url()).content.decode()
    with travel_to(now + datetime.timedelta(minutes=59)):
        assert client.get("/")["X-Page-Cache"] == "hit"
    with travel_to(now + datetime.timedelta(hours=1)):
        assert "Budget hearing" not in client.get("/").content.decode()
        page = client.get(event.get_absolute_url()).content.decode()
        assert "This event has taken place." in page
        assert "Join online" not in page


def test_a_cancellation_reaches_the_calendar_feed_at_once(client, page_cache):
    event = EventFactory()
    assert b"STATUS:CONFIRMED" in client.get(reverse("events:calendar")).content
    event.status = Event.Status.CANCELLED
    event.save()
    assert b"STATUS:CANCELLED" in client.get(reverse("events:calendar")).content


def test_subscribing_and_sending_alerts_leave_the_page_cache_be(
    client, page_cache, django_capture_on_commit_callbacks
):
    SubscriptionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory()  # announced: one email waits
    client.get(reverse("events:list"))
    SubscriptionFactory(email="another@example.org", confirmed_at=None)
    assert send_pending().sent == 1
    assert client.get(reverse("events:list"))["X-Page-Cache"] == "hit"
