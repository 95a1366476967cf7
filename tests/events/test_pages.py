"""Meetings and hearings on the site: the list, each event's page, and the pages that show the next ones."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from tests.factories import AreaFactory
from tests.policies.factories import PolicyFactory

from .factories import EventFactory, EventLinkFactory, chicago, days_from_now

pytestmark = pytest.mark.django_db


def text_of(response):
    """The page's words, without tags, spaces folded."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(client):
    EventFactory(title="Next month", starts_at=days_from_now(30))
    EventFactory(title="Tomorrow", starts_at=days_from_now(1))
    EventFactory(title="Last year", starts_at=days_from_now(-365))
    EventFactory(title="Last week", starts_at=days_from_now(-7))
    text = text_of(client.get(reverse("events:list")))
    order = [text.index(title) for title in ("Tomorrow", "Next month", "Last week", "Last year")]
    assert order == sorted(order)
    assert text.index("Upcoming") < text.index("Tomorrow") < text.index("Past meetings")


def test_an_event_under_way_is_still_upcoming_and_one_without_an_end_until_its_day_ends(client):
    under_way = EventFactory(starts_at=days_from_now(0, hour=0), ends_at=days_from_now(1, hour=0))
    no_end = EventFactory(starts_at=days_from_now(0, hour=0), ends_at=None)
    assert set(Event.objects.upcoming()) == {under_way, no_end}
    assert not no_end.is_past()


def test_unpublished_events_are_nowhere_public_but_staff_can_preview_them(staff_client):
    client = Client()  # a resident, not signed in
    event = EventFactory(title="Still being planned", is_published=False)
    assert "Still being planned" not in client.get(reverse("events:list")).content.decode()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_calendar_url()).status_code == 404
    assert "Still being planned" not in client.get(reverse("events:calendar")).content.decode()
    assert client.get(event.get_preview_url()).status_code == 302  # to the sign-in
    preview = staff_client.get(event.get_preview_url())
    assert preview.status_code == 200
    assert "not published" in text_of(preview)
    assert "no-store" in preview.headers["Cache-Control"]


def test_an_event_page_says_when_where_and_how_to_take_part(client):
    area = AreaFactory(title="Use of Force")
    draft = PolicyFactory(title="Foot pursuits draft")
    event = EventFactory(starts_at=chicago(2031, 1, 14, 18, 0))
    event.areas.add(area)
    event.policies.add(draft)
    response = client.get(event.get_absolute_url())
    text = text_of(response)
    assert "Tuesday 14 January 2031, 6 p.m. to 8 p.m. (Chicago time)" in text
    assert "Malcolm X College, room 1204" in text
    assert "1900 W. Jackson Blvd" in text
    assert "Step-free entrance" in text
    assert "English, with Spanish interpretation and ASL" in text
    html = response.content.decode()
    assert 'href="https://meet.example.org/town-hall"' in html
    assert f'href="{event.get_calendar_url()}"' in html  # add to calendar
    assert "webcal://testserver/events/calendar.ics" in html
    assert f'href="{draft.get_absolute_url()}"' in html
    assert f'href="{area.get_absolute_url()}"' in html
    assert "<h2>Agenda</h2>" in html
    assert "<iframe" not in html  # no map from another site


def test_a_cancelled_event_says_so_on_its_page_in_lists_and_in_its_title(client):
    event = EventFactory(
        title="Austin listening session",
        status=Event.Status.CANCELLED,
        status_note="The room is not available; a new date will follow.",
    )
    page = text_of(client.get(event.get_absolute_url()))
    assert "This event is cancelled. The room is not available" in page
    assert "Join online" not in page
    assert (
        "<title>Cancelled: Austin listening session"
        in client.get(event.get_absolute_url()).content.decode()
    )
    assert "Austin listening session Cancelled" in text_of(client.get(reverse("events:list")))
    assert "Austin listening session Cancelled" in text_of(client.get("/"))


def test_a_postponed_event_says_a_new_date_will_follow(client):
    event = EventFactory(status=Event.Status.POSTPONED)
    assert "This event is postponed. A new date will be announced here." in text_of(
        client.get(event.get_absolute_url())
    )


def test_past_events_link_their_notes_and_recordings(client):
    past = EventFactory(title="Hearing last spring", starts_at=days_from_now(-200))
    EventLinkFactory(event=past, label="Video of the hearing")
    EventLinkFactory(
        event=past, kind="source", label="Sun-Times report", url="https://news.example.org/a"
    )
    listing = text_of(client.get(reverse("events:list")))
    assert "Video of the hearing" in listing
    assert "Sun-Times report" not in listing  # sources are for the event's own page
    page = text_of(client.get(past.get_absolute_url()))
    assert "This event has taken place." in page
    assert "Notes, recordings and sources" in page
    assert "Sun-Times report (Source)" in page
    assert "Add to my calendar" not in page
    assert "Join online" not in page


def test_home_area_and_draft_pages_show_the_next_events_about_them(client):
    area = AreaFactory()
    draft = PolicyFactory(
        comment_opens=datetime.date.today() - datetime.timedelta(days=1),
        comment_closes=datetime.date.today() + datetime.timedelta(days=10),
    )
    about_both = EventFactory(title="About the area and the draft", starts_at=days_from_now(3))
    about_both.areas.add(area)
    about_both.policies.add(draft)
    EventFactory(title="About something else", starts_at=days_from_now(2))
    EventFactory(title="Long past", starts_at=days_from_now(-30)).areas.add(area)
    home = text_of(client.get("/"))
    assert "About something else" in home
    assert "About the area and the draft" in home
    assert "Long past" not in home
    for url in (area.get_absolute_url(), draft.get_absolute_url()):
        text = text_of(client.get(url))
        assert "About the area and the draft" in text, url
        assert "About something else" not in text, url
        assert "Long past" not in text, url


def test_home_page_says_when_no_meeting_is_scheduled(client):
    assert "No meetings or hearings are scheduled right now." in text_of(client.get("/"))


def queries_for(client, url):
    client.get(url)  # the site settings are cached after the first page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["list", "detail", "home", "area", "draft", "calendar"])
def test_query_counts_do_not_grow_with_the_number_of_events(client, page):
    area = AreaFactory()
    draft = PolicyFactory(
        comment_opens=datetime.date.today() - datetime.timedelta(days=1),
        comment_closes=datetime.date.today() + datetime.timedelta(days=10),
    )
    main = EventFactory()

    def add(count):
        for index in range(count):
            for days in (index + 1, -index - 1):  # one upcoming, one past
                event = EventFactory(starts_at=days_from_now(days))
                event.areas.add(area, AreaFactory())
                event.policies.add(draft)
                EventLinkFactory(event=event)
                EventLinkFactory(event=event, kind="source")
            main.areas.add(AreaFactory())
            main.policies.add(PolicyFactory())
            EventLinkFactory(event=main)

    url = {
        "list": reverse("events:list"),
        "detail": main.get_absolute_url(),
        "home": "/",
        "area": area.get_absolute_url(),
        "draft": draft.get_absolute_url(),
        "calendar": reverse("events:calendar"),
    }[page]
    add(2)
    few = queries_for(client, url)
    add(15)
    assert queries_for(client, url) == few
