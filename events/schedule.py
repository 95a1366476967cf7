"""When time alone changes the events' pages: an event ending moves it from upcoming to past.

Lists, the home, area and draft pages and each event's page (its online link,
“This event has taken place”) change then. The page cache (``core.pagecache``)
never serves a page past ``next_change``.
"""

from django.db.models import Min

from .models import Event


def next_change(now):
    """The next moment a published event stops being upcoming, or None."""
    return Event.objects.published().filter(over_at__gt=now).aggregate(at=Min("over_at"))["at"]
