"""The iCalendar files: read back with the ``icalendar`` library, as calendar programs read them."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from events.models import Event

from .factories import EventFactory, chicago, days_from_now

pytestmark = pytest.mark.django_db


def read_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def utc(moment):
    # Python subtracts two times of one zone on the wall clock; count real hours in UTC.
    return moment.astimezone(datetime.UTC)


def vevents(calendar):
    return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}


def test_times_round_trip_across_the_spring_daylight_saving_change(client):
    # Chicago moves its clocks from 2:00 CST to 3:00 CDT on 8 March 2026.
    event = EventFactory(starts_at=chicago(2026, 3, 7, 20, 0), ends_at=chicago(2026, 3, 8, 4, 0))
    entry = vevents(read_calendar(client.get(event.get_calendar_url())))[str(event.uid)]
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert (start, end) == (event.starts_at, event.ends_at)
    # Seven hours pass, though the wall clock moves eight.
    assert utc(end) - utc(start) == datetime.timedelta(hours=7)
    assert start.utcoffset() == datetime.timedelta(hours=-6)
    assert end.utcoffset() == datetime.timedelta(hours=-5)
    assert entry["DTSTART"].params["TZID"] == "America/Chicago"


def test_times_round_trip_across_the_autumn_change_and_the_zone_rules_are_in_the_file(client):
    # Back from 2:00 CDT to 1:00 CST on 1 November 2026.
    event = EventFactory(starts_at=chicago(2026, 10, 31, 22, 0), ends_at=chicago(2026, 11, 1, 4, 0))
    calendar = read_calendar(client.get(event.get_calendar_url()))
    entry = vevents(calendar)[str(event.uid)]
    assert (entry.decoded("DTSTART"), entry.decoded("DTEND")) == (event.starts_at, event.ends_at)
    # Seven hours pass, though the wall clock moves six.
    assert utc(entry.decoded("DTEND")) - utc(entry.decoded("DTSTART")) == datetime.timedelta(
        hours=7
    )
    zones = calendar.walk("VTIMEZONE")
    assert [zone["TZID"] for zone in zones] == ["America/Chicago"]
    changes = {
        (part.name, part.decoded("DTSTART").year)
        for part in zones[0].walk()
        if part.name in ("STANDARD", "DAYLIGHT")
    }
    assert {"STANDARD", "DAYLIGHT"} == {name for name, _year in changes}
    # Written on the site's clock: what a person in Chicago reads.
    assert (
        b"DTSTART;TZID=America/Chicago:20261031T220000"
        in client.get(event.get_calendar_url()).content
    )


def test_a_cancelled_event_is_marked_cancelled_in_calendars(client):
    event = EventFactory(title="Austin listening session", status=Event.Status.CANCELLED)
    entry = vevents(read_calendar(client.get(event.get_calendar_url())))[str(event.uid)]
    assert entry["STATUS"] == "CANCELLED"
    assert str(entry["SUMMARY"]) == "Cancelled: Austin listening session"
    feed = vevents(read_calendar(client.get(reverse("events:calendar"))))
    assert feed[str(event.uid)]["STATUS"] == "CANCELLED"


def test_a_change_keeps_the_uid_and_raises_the_sequence_so_calendars_replace_the_event(client):
    event = EventFactory()
    first = vevents(read_calendar(client.get(event.get_calendar_url())))[str(event.uid)]
    event.starts_at += datetime.timedelta(hours=1)
    event.ends_at += datetime.timedelta(hours=1)
    event.save()
    second = vevents(read_calendar(client.get(event.get_calendar_url())))[str(event.uid)]
    assert second["SEQUENCE"] > first["SEQUENCE"]
    assert second.decoded("DTSTART") == first.decoded("DTSTART") + datetime.timedelta(hours=1)


def test_an_event_with_dates_only_is_a_whole_day_event(client):
    event = EventFactory(
        starts_at=chicago(2018, 10, 24, 0, 0), ends_at=chicago(2018, 10, 25, 0, 0), all_day=True
    )
    entry = vevents(read_calendar(client.get(event.get_calendar_url())))[str(event.uid)]
    assert entry.decoded("DTSTART") == datetime.date(2018, 10, 24)
    # DTEND of a whole-day event is the day after the last one.
    assert entry.decoded("DTEND") == datetime.date(2018, 10, 26)


def test_the_calendar_says_where_and_how_to_join_and_links_the_page(client):
    event = EventFactory()
    entry = vevents(read_calendar(client.get(event.get_calendar_url())))[str(event.uid)]
    assert str(entry["LOCATION"]) == (
        "Malcolm X College, room 1204, 1900 W. Jackson Blvd, Chicago, IL 60612, and online"
    )
    description = str(entry["DESCRIPTION"])
    assert "Join online: https://meet.example.org/town-hall" in description
    assert "Languages: English, with Spanish interpretation and ASL" in description
    assert "Accessibility: Step-free entrance" in description
    assert str(entry["URL"]) == f"http://testserver{event.get_absolute_url()}"


def test_the_feed_holds_every_published_event_and_may_be_cached(client):
    upcoming = EventFactory(starts_at=days_from_now(5))
    past = EventFactory(starts_at=days_from_now(-50))
    hidden = EventFactory(is_published=False)
    response = client.get(reverse("events:calendar"))
    calendar = read_calendar(response)
    assert set(vevents(calendar)) == {str(upcoming.uid), str(past.uid)}
    assert str(hidden.uid) not in response.content.decode()
    assert "public" in response["Cache-Control"]
    assert "Content-Disposition" not in response  # read by calendar programs, not saved


def test_a_single_event_downloads_as_a_file_named_after_it(client):
    event = EventFactory(slug="austin-town-hall")
    response = client.get(event.get_calendar_url())
    assert response["Content-Disposition"] == 'attachment; filename="austin-town-hall.ics"'
    assert len(list(read_calendar(response).walk("VEVENT"))) == 1
