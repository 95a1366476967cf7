"""Public meetings and hearings: when and where, how to take part, and what came of them.

Times are stored in UTC and shown, edited and written to calendars in the
site's time zone (``TIME_ZONE``), so a hearing at 6 p.m. in Chicago reads 6 p.m.
on the site and lands at the right moment in every calendar, on both sides of
a daylight-saving change.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownField


def local(moment):
    """``moment`` on the site's clock."""
    return timezone.localtime(moment, timezone.get_default_timezone())


def local_midnight(day):
    """The start of ``day`` in the site's time zone, as an aware datetime."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time()), timezone.get_default_timezone()
    )


class EventQuerySet(models.QuerySet):
    """Which events residents see, and which are still to come."""

    def published(self):
        """Events staff have published; every page, calendar file and feed starts from this."""
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        """Events not over yet (one under way counts), soonest first."""
        return self.filter(over_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Events that are over, latest first."""
        return self.filter(over_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(models.Model):
    """A public meeting or hearing: a town hall, a court hearing, a webinar.

    Its status (scheduled, postponed, cancelled) is shown wherever the event is,
    in calendar files too. An event without an end time, or with dates only,
    counts as upcoming until the end of its (last) day.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(
        help_text=_("One or two sentences for lists, emails and calendars. Plain text.")
    )
    description = MarkdownField(
        blank=True, help_text=_("What will happen and how to take part, in Markdown.")
    )
    starts_at = models.DateTimeField(
        _("starts"), help_text=_("In the site's time zone, as residents read the clock.")
    )
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Leave empty if no end time is announced.")
    )
    all_day = models.BooleanField(
        _("dates only"),
        default=False,
        help_text=_(
            "Tick when only the dates are known or the event takes whole days: the site and "
            "calendars then show the dates without times."
        ),
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.SCHEDULED)
    status_note = models.CharField(
        _("about the status"),
        max_length=300,
        blank=True,
        help_text=_("Shown with a postponed or cancelled event, such as “A new date will follow”."),
    )
    place_name = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Such as “Malcolm X College, room 1204”. Empty for an online event."),
    )
    address = models.TextField(
        blank=True, help_text=_("The street address. The site shows no map from another site.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_(
            "Step-free entrance, hearing loop, seating, parking, transit: what a person with a "
            "disability needs to know, and whom to ask for more."
        ),
    )
    online = models.BooleanField(
        _("held online"), default=False, help_text=_("Online only, or also online.")
    )
    online_url = models.URLField(
        _("link to join online"), max_length=500, blank=True, help_text=_("Ticks “held online”.")
    )
    languages = models.CharField(
        _("languages and interpretation"),
        max_length=300,
        blank=True,
        help_text=_("Such as “English, with Spanish interpretation and ASL”."),
    )
    areas = models.ManyToManyField(
        "areas.Area", blank=True, related_name="events", verbose_name=_("related areas")
    )
    policies = models.ManyToManyField(
        "policies.Policy", blank=True, related_name="events", verbose_name=_("related drafts")
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Shown on the site and in calendars. Leave unticked while you prepare it."),
    )
    # Calendar programs recognise an event by its UID and take the highest SEQUENCE
    # as its latest version, so a changed time or a cancellation replaces the old one.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    over_at = models.DateTimeField(editable=False, db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.over_at = self.compute_over_at()
        if not self._state.adding:
            self.sequence += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def get_preview_url(self):
        return reverse("events:preview", args=[self.slug])

    def get_calendar_url(self):
        return reverse("events:ics", args=[self.slug])

    def clean(self):
        if self.online_url:
            self.online = True
        if self.starts_at and self.ends_at:
            if self.all_day and local(self.ends_at).date() < local(self.starts_at).date():
                raise ValidationError(
                    {"ends_at": _("The last day cannot come before the first. Check both dates.")}
                )
            if not self.all_day and self.ends_at <= self.starts_at:
                raise ValidationError(
                    {"ends_at": _("The end must come after the start. Check both dates and times.")}
                )
        if self.status == self.Status.SCHEDULED and self.status_note:
            raise ValidationError(
                {
                    "status_note": _(
                        "This note is shown only with a postponed or cancelled event. Empty it, "
                        "or change the status."
                    )
                }
            )

    def compute_over_at(self):
        """When the event stops being upcoming: its end, or the end of its (last) day."""
        if self.ends_at and not self.all_day:
            return self.ends_at
        return local_midnight(self.last_day + datetime.timedelta(days=1))

    # How residents read it.

    @property
    def first_day(self):
        return local(self.starts_at).date()

    @property
    def last_day(self):
        """The local date it ends on (the start date without an end)."""
        return local(self.ends_at).date() if self.ends_at else self.first_day

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    def is_past(self, now=None):
        return self.over_at <= (now or timezone.now())

    def when_in_words(self):
        """ "Tuesday 14 January 2025, 6 p.m. to 8 p.m.", and the like, in the site's time zone."""
        start = local(self.starts_at)
        first = date_format(start, "l j F Y")
        if self.all_day:
            if self.last_day == self.first_day:
                return first
            return _("%(first)s to %(last)s") % {
                "first": first,
                "last": date_format(self.last_day, "l j F Y"),
            }
        start_time = time_format(start, "TIME_FORMAT")
        if not self.ends_at:
            return _("%(date)s, %(time)s") % {"date": first, "time": start_time}
        end = local(self.ends_at)
        end_time = time_format(end, "TIME_FORMAT")
        if end.date() == start.date():
            return _("%(date)s, %(start)s to %(end)s") % {
                "date": first,
                "start": start_time,
                "end": end_time,
            }
        return _("%(first)s, %(start)s to %(last)s, %(end)s") % {
            "first": first,
            "start": start_time,
            "last": date_format(end, "l j F Y"),
            "end": end_time,
        }

    @property
    def in_person(self):
        return bool(self.place_name or self.address)

    def where_in_words(self):
        """The place in one line: "Malcolm X College, 1900 W. Jackson Blvd", "Online", both."""
        lines = [line.strip(" ,") for line in self.address.splitlines()]
        place = ", ".join(part for part in (self.place_name, *lines) if part)
        if place and self.online:
            return _("%(place)s, and online") % {"place": place}
        if self.online:
            return _("Online")
        return place


class EventLink(models.Model):
    """A link about an event: its notes, its recording, a source that reported it."""

    class Kind(models.TextChoices):
        NOTES = "notes", _("Notes or minutes")
        RECORDING = "recording", _("Recording")
        SLIDES = "slides", _("Slides or handouts")
        SOURCE = "source", _("Source")
        OTHER = "other", _("More information")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.NOTES)
    label = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("What the link opens, such as “Video of the hearing”. Empty shows the kind."),
    )
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.label or self.get_kind_display()
