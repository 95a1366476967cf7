"""Comment windows: whole days in the site's time zone.

A window runs from local midnight at the start of its first day to local
midnight at the end of its last day (``settings.TIME_ZONE``), so "open until
18 August" means a resident may still comment late on 18 August in the city
the decree covers, wherever the server or the reader is.
"""

from django.utils import timezone
from django.utils.formats import date_format


def local_today(now=None):
    """The date it is now (or at ``now``) in the site's time zone."""
    return timezone.localdate(now or timezone.now(), timezone.get_default_timezone())


def long_date(day):
    """A date as residents read it, in the page's language: "18 August 2023", "18 de agosto de 2023"."""
    return date_format(day)


def zone_name():
    """The site's time zone as residents say it: "Chicago" for America/Chicago."""
    return timezone.get_default_timezone_name().rsplit("/", 1)[-1].replace("_", " ")
