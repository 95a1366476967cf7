"""The dashboard's panels for meetings and hearings: the next two weeks, and notes still missing."""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import Item, Panel

from .models import Event, EventLink

SOON_DAYS = 14
NOTES_WITHIN_DAYS = 60


def _change_url(event):
    return reverse("admin:events_event_change", args=[event.pk])


def coming_up(request):
    """Events in the next two weeks, published or not, soonest first, with their status."""
    if not request.user.has_perm("events.view_event"):
        return None
    now = timezone.now()
    events = Event.objects.upcoming(now).filter(
        starts_at__lte=now + datetime.timedelta(days=SOON_DAYS)
    )
    items = []
    for event in events:
        note = event.when_in_words()
        if not event.is_published:
            note = _("%(when)s; not published") % {"when": note}
        elif event.status != Event.Status.SCHEDULED:
            note = f"{note}; {event.get_status_display()}"
        items.append(Item(event.title, _change_url(event), note))
    return Panel(
        key="events-soon",
        title=_("Meetings and hearings in the next %(days)d days") % {"days": SOON_DAYS},
        items=items,
        empty=_("No meeting or hearing in the next two weeks."),
    )


def without_notes(request):
    """Published events of the last two months with no notes or recording linked yet."""
    if not request.user.has_perm("events.view_event"):
        return None
    now = timezone.now()
    shared = EventLink.objects.filter(
        event=OuterRef("pk"), kind__in=[EventLink.Kind.NOTES, EventLink.Kind.RECORDING]
    )
    events = (
        Event.objects.published()
        .past(now)
        .filter(over_at__gte=now - datetime.timedelta(days=NOTES_WITHIN_DAYS))
        .exclude(status=Event.Status.CANCELLED)
        .exclude(Exists(shared))
    )
    return Panel(
        key="events-without-notes",
        title=_("Past meetings without notes or a recording"),
        items=[Item(event.title, _change_url(event), event.when_in_words()) for event in events],
        empty=_("Every meeting of the last two months has its notes or recording linked."),
    )


PANELS = [coming_up, without_notes]
