"""Areas of improvement, the decree's paragraphs, and the monitor's ratings of them.

The Independent Monitor rates decree paragraphs each reporting period. A
report's summary (how many paragraphs reached each level) is computed from its
per-paragraph ratings when staff have imported them, and otherwise comes from
the figures the monitor published, shown as such.
"""

import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownField
from core.uploads import validate_document_file


class Level(models.TextChoices):
    """A compliance level, as the monitor rates a paragraph in a report."""

    NOT_IN_COMPLIANCE = "not_in_compliance", _("Not yet in compliance")
    PRELIMINARY = "preliminary", _("Preliminary")
    SECONDARY = "secondary", _("Secondary")
    FULL = "full", _("Full")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


# The levels the monitor's summaries publish figures for.
PUBLISHED_LEVELS = [Level.PRELIMINARY, Level.SECONDARY, Level.FULL]
# The order of levels in stacked bars and their tables: the furthest along first.
STACK_ORDER = [
    Level.FULL,
    Level.SECONDARY,
    Level.PRELIMINARY,
    Level.NOT_IN_COMPLIANCE,
    Level.NOT_ASSESSED,
]
# What each level means in the monitor's methodology: legends and the admin show these.
LEVEL_DESCRIPTIONS = {
    Level.NOT_IN_COMPLIANCE: _("Rated, but not yet at Preliminary compliance."),
    Level.PRELIMINARY: _("The policies and procedures the paragraph requires are in place."),
    Level.SECONDARY: _("Staff are trained and supervised to carry those policies out."),
    Level.FULL: _("The department follows the requirement in day-to-day practice."),
    Level.NOT_ASSESSED: _("The monitor did not rate this paragraph in this report."),
}


class Area(models.Model):
    """One area of improvement, such as Use of Force or Training."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    subtitle = models.CharField(
        max_length=120, blank=True, help_text=_("A second line under the title, if any.")
    )
    summary = models.TextField(help_text=_("One or two sentences shown on cards."))
    body = MarkdownField(blank=True, help_text=_("The area page's text, in Markdown."))
    order = models.PositiveSmallIntegerField(default=0, help_text=_("Lower comes first."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("areas:detail", args=[self.slug])


class Paragraph(models.Model):
    """One numbered paragraph of the consent decree, in one area of improvement."""

    number = models.PositiveIntegerField(
        unique=True, help_text=_("The paragraph's number in the decree.")
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="paragraphs",
        help_text=_("An area with paragraphs cannot be deleted; move them first."),
    )
    title = models.CharField(_("short title"), max_length=200, blank=True)
    text = models.TextField(blank=True, help_text=_("The paragraph's text, as in the decree."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"¶ {self.number}" + (f" {self.title}" if self.title else "")

    def get_absolute_url(self):
        """The paragraph's row on its area's page."""
        return f"{self.area.get_absolute_url()}#paragraph-{self.number}"


def report_document_upload_to(instance, filename):
    """A random name: a report not yet shown on the site cannot be fetched by guessing."""
    return f"monitoring-reports/{secrets.token_urlsafe(16)}.pdf"


def published_figure_field(verbose_name):
    """A published summary figure: a count or a percentage, blank when not published."""
    return models.DecimalField(
        verbose_name,
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(99999))],
    )


class MonitoringReportQuerySet(models.QuerySet):
    """Which monitoring reports residents may see."""

    def published(self):
        """Reports a resident may see; every page and download uses this."""
        return self.filter(is_published=True)


class MonitoringReport(models.Model):
    """One report of the Independent Monitor, covering one reporting period.

    The summary figures are stored as the monitor published them, as counts or
    as percentages; they are shown only while the report has no per-paragraph
    ratings, which take precedence.
    """

    class FiguresAs(models.TextChoices):
        COUNT = "count", _("Counts of paragraphs")
        PERCENT = "percent", _("Percentages of paragraphs assessed")

    title = models.CharField(
        max_length=200, unique=True, help_text=_("Such as “Independent Monitoring Report 11”.")
    )
    short_title = models.CharField(
        max_length=30,
        blank=True,
        help_text=_("For charts, such as “IMR 11”. Blank uses the title."),
    )
    period_start = models.DateField()
    period_end = models.DateField()
    filed = models.DateField(null=True, blank=True, help_text=_("When the monitor filed it."))
    document = models.FileField(
        upload_to=report_document_upload_to,
        blank=True,
        validators=[validate_document_file],
        help_text=_("The report as a PDF, if the site keeps a copy."),
    )
    link = models.URLField(blank=True, help_text=_("The report on the monitor's or court's site."))
    is_published = models.BooleanField(
        _("shown on the site"),
        default=False,
        help_text=_("Leave unticked while preparing a report's figures and ratings."),
    )

    paragraphs_assessed = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Published figure: paragraphs the monitor assessed.")
    )
    figures_as = models.CharField(
        _("published figures are"),
        max_length=10,
        choices=FiguresAs,
        blank=True,
        help_text=_("Whether the figures below are counts or percentages."),
    )
    preliminary = published_figure_field(_("Preliminary"))
    secondary = published_figure_field(_("Secondary"))
    full = published_figure_field(_("Full"))
    figures_source = models.URLField(
        _("source of the published figures"), max_length=500, blank=True
    )
    confidence = models.CharField(
        max_length=200,
        default="verified",
        help_text=_("“verified”, “approximate”, or what is uncertain about the figures."),
    )
    notes = models.TextField(blank=True, help_text=_("What residents should know, plain text."))
    ratings_are_partial = models.BooleanField(
        _("ratings cover only some paragraphs"),
        default=False,
        help_text=_(
            "Tick when the ratings entered for this report are only some of the monitor's (one "
            "department's paragraphs, say): the decree-wide figures then stay the published "
            "ones, and the ratings show on their areas' pages."
        ),
    )

    objects = MonitoringReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_end", "pk"]

    def __str__(self):
        return self.title

    @property
    def label(self):
        return self.short_title or self.title

    @property
    def is_verified(self):
        return self.confidence.strip().lower() == "verified"

    def published_figures(self):
        """{level: figure} for the levels the monitor published a figure for."""
        return {
            level: getattr(self, level.value)
            for level in PUBLISHED_LEVELS
            if getattr(self, level.value) is not None
        }

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("The period must end on or after the day it starts.")
        figures = self.published_figures()
        if figures and not self.figures_as:
            errors["figures_as"] = _("Say whether the figures are counts or percentages.")
        if self.figures_as == self.FiguresAs.PERCENT:
            for level, value in figures.items():
                if value > 100:
                    errors[level.value] = _("A percentage cannot be more than 100.")
        if self.figures_as == self.FiguresAs.COUNT:
            for level, value in figures.items():
                if value != value.to_integral_value():
                    errors[level.value] = _("A count of paragraphs is a whole number.")
            if self.paragraphs_assessed is not None and sum(figures.values()) > (
                self.paragraphs_assessed
            ):
                errors["paragraphs_assessed"] = _(
                    "The counts add up to more than the paragraphs assessed."
                )
        if errors:
            raise ValidationError(errors)


class ComplianceAssessmentQuerySet(models.QuerySet):
    """Which ratings residents may see."""

    def published(self):
        """Ratings in reports shown on the site; every page, chart and download uses this."""
        return self.filter(report__is_published=True)


class ComplianceAssessment(models.Model):
    """The monitor's rating of one paragraph in one report."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="assessments")
    report = models.ForeignKey(
        MonitoringReport, on_delete=models.CASCADE, related_name="assessments"
    )
    level = models.CharField(max_length=20, choices=Level)
    note = models.TextField(blank=True, help_text=_("Plain text, shown with the rating."))
    source = models.URLField(
        max_length=500,
        blank=True,
        help_text=_(
            "Where the rating was published, when not in the report itself: the exact page."
        ),
    )

    objects = ComplianceAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["report__period_end", "paragraph__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "report"], name="one_rating_per_paragraph_per_report"
            )
        ]
        indexes = [models.Index(fields=["report", "level"])]

    def __str__(self):
        return f"{self.paragraph} in {self.report}: {self.get_level_display()}"
