"""The dashboard tells editors which meetings are coming and which still lack their notes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from tests.core.test_roles import signed_in_member

from .factories import EventFactory, EventLinkFactory, days_from_now

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def panels(response):
    return {panel.key: panel for panel in response.context["dashboard_panels"]}


def test_an_editor_sees_the_next_two_weeks_and_past_meetings_without_notes(
    client, django_user_model
):
    EventFactory(title="Town hall on Tuesday", starts_at=days_from_now(3))
    EventFactory(title="Being planned", starts_at=days_from_now(5), is_published=False)
    EventFactory(title="Next month", starts_at=days_from_now(30))
    EventFactory(title="Heard last week", starts_at=days_from_now(-7))
    noted = EventFactory(title="Noted last week", starts_at=days_from_now(-6))
    EventLinkFactory(event=noted, kind="notes")
    EventFactory(title="Called off", starts_at=days_from_now(-5), status=Event.Status.CANCELLED)
    EventFactory(title="Long ago", starts_at=days_from_now(-400))
    signed_in_member(client, django_user_model, "Editors")
    found = panels(client.get(INDEX))
    soon = {item.text: item.note for item in found["events-soon"].items}
    assert list(soon) == ["Town hall on Tuesday", "Being planned"]
    assert soon["Being planned"].endswith("not published")
    missing = [item.text for item in found["events-without-notes"].items]
    assert missing == ["Heard last week"]


def test_the_panels_cost_the_same_queries_however_many_events(admin_client):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(INDEX).status_code == 200
        return len(captured)

    count()  # fills the caches
    few = count()
    for days in range(1, 6):
        EventFactory(starts_at=days_from_now(days))
        EventFactory(starts_at=days_from_now(-days) - datetime.timedelta(hours=1))
    assert count() == few
