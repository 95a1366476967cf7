"""iCalendar (RFC 5545) files of events, written with the ``icalendar`` library.

Every event keeps one UID for life and a SEQUENCE that grows with each change,
so a calendar that imported or subscribed to it replaces the old version: a
moved time moves, a cancellation shows as cancelled (``STATUS:CANCELLED``, and
“Cancelled:” before the title for programs that hide the status). Times are
written on the site's clock with its VTIMEZONE (``TZID=America/Chicago``), so
they stay right across daylight-saving changes; events with dates only are
whole-day events.
"""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from core.models import SiteSettings

from .models import Event

# RFC 5545 STATUS for each of our statuses.
STATUS = {
    Event.Status.SCHEDULED: "CONFIRMED",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}
# How often a subscribed calendar should fetch the feed again.
REFRESH = datetime.timedelta(hours=6)


def site_zone():
    return zoneinfo.ZoneInfo(timezone.get_default_timezone_name())


def calendar_of(events, *, absolute_url, name):
    """An iCalendar file (bytes) holding ``events``; ``absolute_url(path)`` makes links whole."""
    site = SiteSettings.load()
    calendar = Calendar()
    calendar.add("prodid", f"-//{site.site_name}//Meetings and hearings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    days = []
    for event in events:
        calendar.add_component(calendar_event(event, absolute_url(event.get_absolute_url())))
        days += [event.first_day, event.last_day]
    if days:
        # The VTIMEZONE of the site's zone with its daylight-saving changes over the
        # years the events span, so every calendar program reads TZID the same way.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(days).year - 1, 1, 1),
            last_date=datetime.date(max(days).year + 2, 1, 1),
        )
    return calendar.to_ical()


def calendar_event(event, url):
    """One VEVENT for ``event``, whose page is at ``url``."""
    zone = site_zone()
    entry = CalendarEvent()
    entry.add("uid", f"{event.uid}")
    entry.add("dtstamp", event.updated.astimezone(datetime.UTC))
    entry.add("created", event.created.astimezone(datetime.UTC))
    entry.add("last-modified", event.updated.astimezone(datetime.UTC))
    entry.add("sequence", event.sequence)
    entry.add("status", STATUS[event.status])
    entry.add("summary", summary(event))
    if event.all_day:
        entry.add("dtstart", event.first_day)
        # DTEND of a whole-day event is the day after the last (RFC 5545, 3.6.1).
        entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", event.starts_at.astimezone(zone))
        if event.ends_at:
            entry.add("dtend", event.ends_at.astimezone(zone))
    location = event.where_in_words()
    if location:
        entry.add("location", location)
    entry.add("description", description(event, url))
    entry.add("url", url)
    return entry


def summary(event):
    """The title, with the status before it unless the event is going ahead."""
    if event.is_cancelled:
        return _("Cancelled: %(title)s") % {"title": event.title}
    if event.is_postponed:
        return _("Postponed: %(title)s") % {"title": event.title}
    return event.title


def description(event, url):
    """Plain text: what a person needs in their calendar to take part."""
    parts = []
    if event.status != Event.Status.SCHEDULED:
        status = event.get_status_display()
        parts.append(f"{status}. {event.status_note}" if event.status_note else f"{status}.")
    parts.append(event.summary)
    if event.online_url:
        parts.append(_("Join online: %(link)s") % {"link": event.online_url})
    if event.languages:
        parts.append(_("Languages: %(languages)s") % {"languages": event.languages})
    if event.accessibility:
        parts.append(_("Accessibility: %(notes)s") % {"notes": event.accessibility})
    parts.append(_("Details: %(link)s") % {"link": url})
    return "\n\n".join(parts)
