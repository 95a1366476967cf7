"""Factories for meetings and hearings."""

import datetime
import zoneinfo

import factory
from django.utils import timezone

from events.models import Event, EventLink

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")


def chicago(*args):
    """An aware datetime on Chicago's wall clock: chicago(2026, 3, 7, 18, 0)."""
    return datetime.datetime(*args, tzinfo=CHICAGO)


def days_from_now(days, hour=18):
    """``days`` from today at ``hour`` o'clock, Chicago time."""
    today = timezone.localdate(timezone.now(), CHICAGO)
    return chicago(today.year, today.month, today.day, hour) + datetime.timedelta(days=days)


class EventFactory(factory.django.DjangoModelFactory):
    """A published town hall a week from now, 6 to 8 p.m., in person and online."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Town hall {n}")
    slug = factory.Sequence(lambda n: f"town-hall-{n}")
    summary = factory.Sequence(lambda n: f"Residents hear about the changes at town hall {n}.")
    description = "## Agenda\n\nA short talk, then *questions*."
    starts_at = factory.LazyFunction(lambda: days_from_now(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place_name = "Malcolm X College, room 1204"
    address = "1900 W. Jackson Blvd\nChicago, IL 60612"
    accessibility = "Step-free entrance on Jackson Blvd; hearing loop in the room."
    online = True
    online_url = "https://meet.example.org/town-hall"
    languages = "English, with Spanish interpretation and ASL"
    is_published = True


class EventLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventLink

    event = factory.SubFactory(EventFactory)
    kind = EventLink.Kind.RECORDING
    label = "Video of the meeting"
    url = "https://video.example.org/town-hall"
