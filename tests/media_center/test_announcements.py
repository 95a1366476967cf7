"""The announcement banner: staff set its text, link and window; the home page shows it."""

import datetime

import pytest
from django.utils import timezone

from media_center.models import Announcement
from tests.factories import AnnouncementFactory

pytestmark = pytest.mark.django_db

NOON = timezone.make_aware(datetime.datetime(2026, 6, 1, 12, 0))
SECOND = datetime.timedelta(seconds=1)


def banner(client):
    html = client.get("/").content.decode()
    if '<p class="banner">' not in html:
        return None
    return html.split('<p class="banner">')[1].split("</p>")[0]


def test_home_page_shows_the_demo_announcement(client, demo_content):
    shown = banner(client)
    assert "Updates on the Workforce Allocation Study Here!" in shown
    assert 'href="/media-center/announcements/workforce-allocation-study/"' in shown


def test_banner_links_where_staff_point_it(client):
    AnnouncementFactory(title="Town hall on Tuesday", link_url="https://example.org/town-hall")
    assert banner(client) == '<a href="https://example.org/town-hall">Town hall on Tuesday</a>'


@pytest.mark.parametrize(
    ("moment", "showing"),
    [
        (NOON - SECOND, False),  # before it starts
        (NOON, True),  # the moment it starts
        (NOON + datetime.timedelta(days=1) - SECOND, True),  # its last second
        (NOON + datetime.timedelta(days=1), False),  # the moment it ends
    ],
)
def test_banner_window_includes_its_start_and_excludes_its_end(moment, showing):
    announcement = AnnouncementFactory(starts_at=NOON, ends_at=NOON + datetime.timedelta(days=1))
    assert (announcement in Announcement.objects.active(now=moment)) is showing
    assert announcement.is_showing(moment) is showing


def test_home_page_banner_follows_the_window(client, time_travel):
    now = timezone.now()
    AnnouncementFactory(
        title="Comment period",
        starts_at=now + datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
    )
    assert banner(client) is None
    time_travel(hours=1, minutes=30)
    assert "Comment period" in banner(client)
    time_travel(hours=2, minutes=1)
    assert banner(client) is None


def test_a_switched_off_banner_never_shows(client):
    AnnouncementFactory(title="Old news", is_active=False)
    assert banner(client) is None
    assert not Announcement.objects.active().exists()


def test_of_several_active_banners_the_latest_started_shows(client):
    now = timezone.now()
    AnnouncementFactory(title="Started last week", starts_at=now - datetime.timedelta(days=7))
    AnnouncementFactory(title="Started an hour ago", starts_at=now - datetime.timedelta(hours=1))
    AnnouncementFactory(title="No start given, made long ago")
    Announcement.objects.filter(title__startswith="No start").update(
        created=now - datetime.timedelta(days=30)
    )
    assert "Started an hour ago" in banner(client)


def test_the_announcement_page_disappears_with_its_banner(client, time_travel):
    announcement = AnnouncementFactory(ends_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(announcement.get_absolute_url()).status_code == 200
    time_travel(hours=2)
    assert client.get(announcement.get_absolute_url()).status_code == 404


def test_admin_refuses_a_banner_that_ends_before_it_starts(staff_client):
    response = staff_client.post(
        "/admin/media_center/announcement/add/",
        {
            "title": "Backwards",
            "slug": "backwards",
            "body": "",
            "link_url": "",
            "is_active": "on",
            "starts_at_0": "2026-06-02",
            "starts_at_1": "12:00:00",
            "ends_at_0": "2026-06-01",
            "ends_at_1": "12:00:00",
        },
    )
    assert response.status_code == 200
    assert "The banner must end after it starts" in response.content.decode()
    assert not Announcement.objects.exists()


def test_admin_lists_which_banner_is_on_the_home_page_now(staff_client, demo_content):
    html = staff_client.get("/admin/media_center/announcement/").content.decode()
    assert "on the home page now" in html.lower()
