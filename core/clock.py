"""Moments in the site's time zone that change what pages say without anyone saving."""

import datetime

from django.utils import timezone


def next_local_midnight(now=None):
    """The next midnight in TIME_ZONE after ``now``: when "today" changes on every page."""
    local = timezone.localtime(now or timezone.now())
    tomorrow = local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=local.tzinfo)


def earliest(*moments):
    """The earliest of ``moments`` that is not None, or None."""
    known = [moment for moment in moments if moment is not None]
    return min(known) if known else None
