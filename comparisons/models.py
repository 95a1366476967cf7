"""Consent decrees of other cities, for comparison with the site's own."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownField

DAYS_PER_YEAR = 365.25


def validate_source_links(value):
    """Every line must be an http or https address."""
    check = URLValidator(schemes=["http", "https"])
    for line in value.split():
        try:
            check(line)
        except ValidationError:
            raise ValidationError(
                _("“%(link)s” is not a web address. Give one http:// or https:// link per line."),
                params={"link": line},
            ) from None


class ConsentDecreeQuerySet(models.QuerySet):
    """Which decrees the home page shows, and the site's own."""

    def for_home(self):
        """The decrees staff chose for the home page's “other cities” section."""
        return self.filter(show_on_home=True)

    def own(self):
        """The decree this site tracks (at most one)."""
        return self.filter(is_own_decree=True)


class ConsentDecree(models.Model):
    """A city's police consent decree (or similar agreement) and its key facts.

    Facts that research could not confirm are marked one by one (the
    ``*_unverified`` flags) and explained in ``confidence``, so every page and
    download can say which figures to treat with care.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSTAINMENT = "sustainment", _("In sustainment")
        TERMINATED = "terminated", _("Terminated")

    # The facts that can be flagged unverified, in the order pages list them.
    CHECKABLE_FACTS = {
        "entered": _("date it took effect"),
        "ended": _("end date"),
        "paragraph_count": _("paragraph count"),
        "monitor": _("monitor"),
        "judge": _("judge"),
    }

    city = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    department = models.CharField(max_length=120)
    agreement_type = models.CharField(max_length=80, default="consent decree")
    entered = models.DateField(help_text=_("When the decree took effect."))
    ended = models.DateField(null=True, blank=True, help_text=_("Blank while active."))
    status = models.CharField(max_length=20, choices=Status, default=Status.ACTIVE)
    paragraph_count = models.PositiveIntegerField(
        "paragraphs", null=True, blank=True, help_text=_("Blank if not known.")
    )
    monitor = models.CharField(max_length=200, blank=True)
    judge = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    milestone = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("One sourced fact worth a line on the home page, if any."),
    )
    notes = MarkdownField(blank=True)
    sources = models.TextField(
        blank=True, validators=[validate_source_links], help_text=_("Source links, one per line.")
    )
    confidence = models.CharField(
        max_length=300,
        default="verified",
        help_text=_("“verified”, or which facts are not verified and why."),
    )
    entered_unverified = models.BooleanField(_("entry date unverified"), default=False)
    ended_unverified = models.BooleanField(_("end date unverified"), default=False)
    paragraph_count_unverified = models.BooleanField(_("paragraph count unverified"), default=False)
    monitor_unverified = models.BooleanField(_("monitor unverified"), default=False)
    judge_unverified = models.BooleanField(_("judge unverified"), default=False)
    is_own_decree = models.BooleanField(
        default=False, help_text=_("The decree this site tracks (the reference row).")
    )
    show_on_home = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ConsentDecreeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "city"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_own_decree"],
                condition=models.Q(is_own_decree=True),
                name="one_own_decree",
                violation_error_message=_(
                    "Another decree is already marked as this site’s decree. "
                    "Untick it there first, then mark this one."
                ),
            )
        ]

    def __str__(self):
        return f"{self.city} ({self.department})"

    def save(self, *args, **kwargs):
        # One link per line, whatever separated them in the form.
        self.sources = "\n".join(self.source_links)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("comparisons:detail", args=[self.slug])

    def clean(self):
        """Keep the dates, the status and the verification notes telling one story."""
        errors = {}
        today = timezone.localdate()
        if self.entered and self.entered > today:
            errors["entered"] = _(
                "This date is in the future. Enter the date the decree took effect, once it has."
            )
        if self.ended:
            if self.entered and self.ended < self.entered:
                errors["ended"] = _(
                    "The end date is before the date the decree took effect. Check both dates."
                )
            elif self.ended > today:
                errors["ended"] = _(
                    "This date is in the future. Leave it blank until the decree has ended."
                )
            elif self.status != self.Status.TERMINATED:
                errors["status"] = _(
                    "A decree with an end date has ended: choose “Terminated”, "
                    "or clear the end date."
                )
        elif self.status == self.Status.TERMINATED:
            errors["ended"] = _(
                "A terminated decree needs the date it ended. Enter it, or change the status."
            )
        if self.unverified_facts and self.confidence.strip().lower() == "verified":
            errors["confidence"] = _(
                "Some facts are ticked as unverified. Say here which ones and why, "
                "instead of “verified”."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def source_links(self):
        return self.sources.split()

    @property
    def sources_by_host(self):
        """(host, link) pairs: the host is a short, telling name for a link in a table."""
        return [
            ((urlsplit(link).hostname or link).removeprefix("www."), link)
            for link in self.source_links
        ]

    @property
    def unverified_facts(self):
        """Names of the facts flagged unverified, such as ``["paragraph_count"]``."""
        return [fact for fact in self.CHECKABLE_FACTS if getattr(self, f"{fact}_unverified")]

    @property
    def unverified_fact_labels(self):
        return [self.CHECKABLE_FACTS[fact] for fact in self.unverified_facts]

    @property
    def is_fully_verified(self):
        return self.confidence.strip().lower() == "verified" and not self.unverified_facts

    @property
    def is_active(self):
        return self.ended is None

    def end_or_today(self, today=None):
        return self.ended or today or timezone.localdate()

    def years_in_effect(self, today=None):
        """Years from entry to end, or to today while active, to one decimal place."""
        return round(self._exact_years(today), 1)

    def whole_years_in_effect(self, today=None):
        """Years rounded to the nearest whole year (half a year rounds up), for sentences."""
        return int(self._exact_years(today) + 0.5)

    def _exact_years(self, today):
        return max(0, (self.end_or_today(today) - self.entered).days) / DAYS_PER_YEAR

    @property
    def span(self):
        """Years as residents read them: “2001–2013” or “2019–present”."""
        end = str(self.ended.year) if self.ended else _("present")
        return f"{self.entered.year}–{end}"

    def duration_sentence(self, today=None):
        """A sentence computed from the dates, never typed in."""
        years = self.whole_years_in_effect(today)
        params = {"department": self.department, "years": years}
        if self.ended:
            return (
                ngettext(
                    "It took the %(department)s %(years)s year to complete all their requirements.",
                    "It took the %(department)s %(years)s years to complete all their requirements.",
                    years,
                )
                % params
            )
        return (
            ngettext(
                "The %(department)s has been under its decree for %(years)s year.",
                "The %(department)s has been under its decree for %(years)s years.",
                years,
            )
            % params
        )

    def paragraphs_sentence(self):
        if not self.paragraph_count:
            return ""
        return _("The %(city)s %(kind)s consists of %(count)s paragraphs.") % {
            "city": self.city,
            "kind": self.agreement_type,
            "count": self.paragraph_count,
        }
