"""Fixtures for the comparison tests: a movable “today” and a small, known set of decrees."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from .factories import ConsentDecreeFactory


@pytest.fixture
def today():
    """Set the site's date: ``today(datetime.date(2025, 1, 1))``; it can be moved again."""
    real_localdate = timezone.localdate
    patcher = None

    def set_today(day):
        nonlocal patcher
        if patcher:
            patcher.stop()

        def localdate(value=None, timezone=None):
            return day if value is None else real_localdate(value, timezone)

        patcher = mock.patch("django.utils.timezone.localdate", localdate)
        patcher.start()
        return day

    yield set_today
    if patcher:
        patcher.stop()


@pytest.fixture
def cities(db, today):
    """Chicago (the site's own decree) and four others whose every column differs.

    Each column orders the four others differently, so a sort that ignored the
    column asked for would be caught.
    """
    today(datetime.date(2025, 1, 1))
    return {
        "Chicago": ConsentDecreeFactory(
            city="Chicago",
            entered=datetime.date(2019, 3, 1),
            paragraph_count=799,
            is_own_decree=True,
        ),
        "Akron": ConsentDecreeFactory(
            city="Akron",
            department="Delta Police",
            agreement_type="settlement agreement",
            entered=datetime.date(2012, 1, 1),
            ended=datetime.date(2020, 1, 1),
            paragraph_count=300,
            monitor="",
            sources="https://a.example.org/1\nhttps://a.example.org/2",
        ),
        "Boise": ConsentDecreeFactory(
            city="Boise",
            department="Bravo Police",
            agreement_type="consent decree",
            entered=datetime.date(2016, 1, 1),
            paragraph_count=None,
            monitor="Yates",
            sources="",
        ),
        "Camden": ConsentDecreeFactory(
            city="Camden",
            department="Alpha Police",
            agreement_type="memorandum of agreement",
            entered=datetime.date(2010, 1, 1),
            ended=datetime.date(2014, 1, 1),
            paragraph_count=500,
            monitor="Baker",
            sources="https://c.example.org/1",
            confidence="paragraph count from a news report, unverified",
            paragraph_count_unverified=True,
        ),
        "Dayton": ConsentDecreeFactory(
            city="Dayton",
            department="Charlie Police",
            agreement_type="consent decree",
            entered=datetime.date(2018, 1, 1),
            status="sustainment",
            paragraph_count=100,
            monitor="Mills",
            sources="https://d.example.org/1 https://d.example.org/2 https://d.example.org/3",
        ),
    }
