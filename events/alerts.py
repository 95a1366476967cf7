"""What residents can hear about meetings and hearings by email (see ``core.alert_sources``).

An upcoming event is announced when staff publish it; if it is then postponed
or cancelled, those who heard about it hear that too.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.alert_sources import AlertMessage, AlertSource, Topic
from policies.windows import zone_name

from .models import Event

TOPICS = [
    Topic(
        "events",
        gettext_lazy("Meetings and hearings"),
        gettext_lazy("When a public meeting or hearing is announced, postponed or cancelled."),
        order=20,
    )
]


def upcoming(now):
    return Event.objects.published().upcoming(now)


def announced(now):
    return upcoming(now).exclude(status=Event.Status.CANCELLED)


def areas(event):
    return event.areas.values_list("pk", flat=True)


def _when(event):
    if event.all_day:
        return event.when_in_words()
    return _("%(when)s (%(zone)s time)") % {"when": event.when_in_words(), "zone": zone_name()}


def announced_message(event):
    lines = [_when(event)]
    if event.is_postponed:
        lines.append(event.status_note or _("This event is postponed; a new date will follow."))
    if where := event.where_in_words():
        lines.append(where)
    if event.languages:
        lines.append(_("Languages: %(languages)s") % {"languages": event.languages})
    lines.append(event.summary)
    return AlertMessage(
        subject=_("Meeting: %(title)s, %(date)s")
        % {"title": event.title, "date": date_format(event.first_day, "j F Y")},
        title=event.title,
        lines=tuple(lines),
        link_text=_("Details and how to take part"),
        path=event.get_absolute_url(),
    )


def _status_message(event, subject, sentence):
    lines = [sentence, _when(event)]
    if event.status_note:
        lines.append(event.status_note)
    return AlertMessage(
        subject=subject,
        title=event.title,
        lines=tuple(lines),
        link_text=_("See the event's page"),
        path=event.get_absolute_url(),
    )


def postponed_message(event):
    subject = _("Postponed: %(title)s") % {"title": event.title}
    return _status_message(event, subject, _("This event is postponed."))


def cancelled_message(event):
    subject = _("Cancelled: %(title)s") % {"title": event.title}
    return _status_message(event, subject, _("This event is cancelled."))


SOURCES = [
    AlertSource(
        key="events.announced",
        topic="events",
        due=announced,
        areas=areas,
        message=announced_message,
    ),
    AlertSource(
        key="events.postponed",
        topic="events",
        due=lambda now: upcoming(now).filter(status=Event.Status.POSTPONED),
        areas=areas,
        message=postponed_message,
        follows="events.announced",
    ),
    AlertSource(
        key="events.cancelled",
        topic="events",
        due=lambda now: upcoming(now).filter(status=Event.Status.CANCELLED),
        areas=areas,
        message=cancelled_message,
        follows="events.announced",
    ),
]
