"""The home page and area pages point residents to drafts open for comment."""

import datetime

import pytest

from tests.factories import AreaFactory

from .factories import PolicyFactory

pytestmark = pytest.mark.django_db


def test_home_page_lists_drafts_open_for_comment_closing_soonest_first(client, clock, demo_content):
    PolicyFactory(title="Closes later", comment_closes=datetime.date(2023, 8, 30))
    PolicyFactory(title="Closes sooner", comment_closes=datetime.date(2023, 8, 12))
    PolicyFactory(
        title="Closed",
        comment_opens=datetime.date(2023, 7, 1),
        comment_closes=datetime.date(2023, 7, 15),
    )
    PolicyFactory(title="Being prepared", is_published=False)
    html = client.get("/").content.decode()
    assert html.index("Closes sooner") < html.index("Closes later")
    assert "Open for comment until 12 August 2023" in html
    assert "Closed" not in html.split('id="policies-heading"')[1].split("</section>")[0]
    assert "Being prepared" not in html
    assert "No draft policy is open for comment right now." not in html


def test_home_page_says_when_no_draft_is_open(client, clock, demo_content):
    PolicyFactory(
        comment_opens=datetime.date(2023, 7, 1), comment_closes=datetime.date(2023, 7, 15)
    )
    assert "No draft policy is open for comment right now." in client.get("/").content.decode()


def test_area_page_lists_its_open_drafts_only(client, clock):
    area = AreaFactory()
    PolicyFactory(title="Open here").areas.add(area)
    PolicyFactory(title="Open elsewhere").areas.add(AreaFactory())
    PolicyFactory(
        title="Closed here",
        comment_opens=datetime.date(2023, 7, 1),
        comment_closes=datetime.date(2023, 7, 15),
    ).areas.add(area)
    html = client.get(area.get_absolute_url()).content.decode()
    assert "Open here" in html
    assert "Open elsewhere" not in html
    assert "Closed here" not in html


def test_area_page_without_open_drafts_says_so(client, clock):
    area = AreaFactory()
    assert (
        "No draft policy is open for comment right now."
        in client.get(area.get_absolute_url()).content.decode()
    )
