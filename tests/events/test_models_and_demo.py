"""Events read the way residents say dates, refuse impossible times, and load Chicago's hearings."""

import csv
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from events.models import Event, EventLink

from .factories import EventFactory, chicago

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end", "all_day", "words"),
    [
        (
            (2026, 3, 7, 18, 0),
            (2026, 3, 7, 20, 30),
            False,
            "Saturday 7 March 2026, 6 p.m. to 8:30 p.m.",
        ),
        ((2026, 3, 7, 18, 0), None, False, "Saturday 7 March 2026, 6 p.m."),
        (
            (2026, 3, 7, 20, 0),
            (2026, 3, 8, 4, 0),
            False,
            "Saturday 7 March 2026, 8 p.m. to Sunday 8 March 2026, 4 a.m.",
        ),
        (
            (2018, 10, 24, 0, 0),
            (2018, 10, 25, 0, 0),
            True,
            "Wednesday 24 October 2018 to Thursday 25 October 2018",
        ),
        ((2023, 6, 2, 0, 0), None, True, "Friday 2 June 2023"),
    ],
)
def test_when_in_words_on_the_sites_clock(start, end, all_day, words):
    event = EventFactory.build(
        starts_at=chicago(*start), ends_at=chicago(*end) if end else None, all_day=all_day
    )
    assert event.when_in_words() == words


def test_an_end_before_the_start_is_refused_with_a_message():
    event = EventFactory.build(starts_at=chicago(2026, 3, 7, 18), ends_at=chicago(2026, 3, 7, 17))
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "The end must come after the start" in str(refused.value.message_dict["ends_at"])


def test_a_status_note_needs_a_postponed_or_cancelled_event():
    event = EventFactory.build(status_note="Moved to June")
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "status_note" in refused.value.message_dict


def test_a_link_to_join_online_marks_the_event_as_online():
    event = EventFactory.build(online=False, online_url="https://meet.example.org/a")
    event.full_clean()
    assert event.online


def test_a_whole_day_event_is_upcoming_until_midnight_after_its_last_day():
    event = EventFactory(
        starts_at=chicago(2018, 10, 24, 0, 0), ends_at=chicago(2018, 10, 25, 0, 0), all_day=True
    )
    assert not event.is_past(chicago(2018, 10, 25, 23, 59))
    assert event.is_past(chicago(2018, 10, 26, 0, 0))


def test_the_demo_loads_chicagos_hearings_as_past_events_with_their_sources(client):
    call_command("load_demo_content", verbosity=0)
    with open("events/data/chicago-events.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert Event.objects.published().count() == len(rows) == 15
    assert not Event.objects.upcoming().exists()
    hearing = Event.objects.get(slug="court-hearings-on-the-proposed-consent-decree-2018-10-24")
    assert hearing.all_day
    assert hearing.when_in_words() == "Wednesday 24 October 2018 to Thursday 25 October 2018"
    assert hearing.links.filter(kind=EventLink.Kind.SOURCE).count() == 3
    webinar = Event.objects.get(slug="webinar-on-the-new-foot-chase-policy-2021-06-01")
    assert webinar.online
    assert not webinar.all_day
    assert webinar.starts_at == chicago(2021, 6, 1, 19, 0)
    assert [area.slug for area in webinar.areas.all()] == ["use-of-force"]
    call_command("load_demo_content", verbosity=0)
    assert Event.objects.count() == 15  # a second run adds nothing
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert "chicagopoliceconsentdecree.org" in page


def test_search_and_the_sitemap_include_published_events_only(client):
    shown = EventFactory(title="Budget hearing on police overtime")
    EventFactory(title="Budget hearing not yet announced", is_published=False)
    results = client.get(reverse("search"), {"q": "budget hearing"}).content.decode()
    assert "Meetings and hearings" in results
    assert "Budget hearing on police overtime" in results
    assert "not yet announced" not in results
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{shown.get_absolute_url()}" in sitemap
    assert "http://testserver/events/</loc>" in sitemap
    assert "http://testserver/alerts/</loc>" in sitemap
    assert sitemap.count("<loc>http://testserver/events/town-hall-") == 1  # in English


def test_the_events_list_on_a_later_page_shows_past_events_only(client):
    for days in range(1, 25):
        EventFactory(starts_at=chicago(2020, 1, 1, 18) + datetime.timedelta(days=days))
    EventFactory(title="Coming soon")
    second = client.get(reverse("events:list"), {"page": 2}).content.decode()
    assert "Coming soon" not in second
    assert "page 2" in second
