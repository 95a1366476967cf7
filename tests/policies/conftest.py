"""A clock the tests set, in the site's time zone (America/Chicago)."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

CHICAGO = zoneinfo.ZoneInfo("America/Chicago")


def chicago(*args):
    """An aware datetime on Chicago's wall clock: chicago(2023, 8, 18, 23, 59, 59)."""
    return datetime.datetime(*args, tzinfo=CHICAGO)


class Clock:
    """Stands in for django.utils.timezone.now; ``clock.now`` is what it returns."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def _site_in_chicago(settings):
    settings.TIME_ZONE = "America/Chicago"


@pytest.fixture
def clock(monkeypatch):
    """Pages see this time as now: during the sample window unless a test moves it."""
    fake = Clock(chicago(2023, 8, 10, 12, 0))
    monkeypatch.setattr(timezone, "now", fake)
    return fake
