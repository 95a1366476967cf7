"""The numbers behind the progress pages, built with a fixed number of queries.

A report's summary comes from its per-paragraph ratings when it has any, and
otherwise from the figures the monitor published (counts or percentages),
which are labelled as published figures wherever they appear.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlsplit

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.i18n import percent

from .models import (
    PUBLISHED_LEVELS,
    STACK_ORDER,
    Area,
    ComplianceAssessment,
    Level,
    MonitoringReport,
    Paragraph,
)

FROM_RATINGS = "ratings"
FROM_PUBLISHED = "published"


def format_percent(value, exact=False):
    """``34%`` for display; published percentages keep their decimals (``5.5%``).

    Computed shares are rounded to whole numbers, and a share that rounds to
    nothing but is not nothing reads ``<1%``. Written as the page's language
    writes percentages (``34 %`` in Spanish).
    """
    if value is None:
        return ""
    if exact:
        exponent = Decimal(value).normalize().as_tuple().exponent
        return percent(Decimal(value), decimal_pos=max(0, -exponent))
    if 0 < value < 0.5:
        return percent("<1")
    return percent(round(value))


@dataclass
class LevelFigure:
    """One level's figure in one report: a count, a share, or both, or neither."""

    level: Level
    count: int | None = None
    percent: float | Decimal | None = None
    percent_is_published: bool = False

    @property
    def known(self):
        return self.count is not None or self.percent is not None

    @property
    def share(self):
        """The share of paragraphs assessed, as a float from 0 to 100, if known."""
        return None if self.percent is None else float(self.percent)

    @property
    def percent_text(self):
        """The share alone: "34%" (a published percentage as published)."""
        return format_percent(self.percent, exact=self.percent_is_published)

    @property
    def text(self):
        """The figure as the table and the chart both print it."""
        percent = format_percent(self.percent, exact=self.percent_is_published)
        if self.count is not None and percent:
            return f"{self.count} ({percent})"
        if self.count is not None:
            return str(self.count)
        return percent or str(_("not published"))


@dataclass
class ReportSummary:
    """How far the decree had come in one report, with where the numbers come from."""

    report: MonitoringReport
    source: str  # FROM_RATINGS, FROM_PUBLISHED, or "" when there are no figures
    assessed: int | None
    figures: dict  # Level -> LevelFigure, for PUBLISHED_LEVELS
    counts: dict = field(default_factory=dict)  # Level -> int, from ratings only

    @property
    def from_ratings(self):
        return self.source == FROM_RATINGS

    @property
    def has_figures(self):
        return any(f.known for f in self.figures.values())

    @property
    def figure_list(self):
        return [self.figures[level] for level in PUBLISHED_LEVELS]

    @property
    def source_label(self):
        if self.source == FROM_RATINGS:
            return _("Computed from the monitor's ratings of each paragraph")
        if self.report.figures_as == MonitoringReport.FiguresAs.PERCENT:
            return _("Published figures (percentages)")
        if self.report.figures_as == MonitoringReport.FiguresAs.COUNT:
            return _("Published figures (counts)")
        return _("No figures published")

    @property
    def short_source_label(self):
        if self.source == FROM_RATINGS:
            return _("from paragraph ratings")
        if self.report.figures_as == MonitoringReport.FiguresAs.PERCENT:
            return _("published percentages")
        return _("published counts")


def summary_from_counts(report, counts):
    """A report's summary computed from {level: number of paragraphs} ratings."""
    assessed = sum(n for level, n in counts.items() if level != Level.NOT_ASSESSED)
    figures = {
        level: LevelFigure(
            level,
            count=counts.get(level, 0),
            percent=(100 * counts.get(level, 0) / assessed) if assessed else None,
        )
        for level in PUBLISHED_LEVELS
    }
    full_counts = {level: counts.get(level, 0) for level in Level}
    return ReportSummary(report, FROM_RATINGS, assessed, figures, full_counts)


def summary_from_published(report):
    """A report's summary from the figures the monitor published, as published."""
    assessed = report.paragraphs_assessed
    figures = {}
    for level in PUBLISHED_LEVELS:
        value = getattr(report, level.value)
        figure = LevelFigure(level)
        if value is not None and report.figures_as == MonitoringReport.FiguresAs.PERCENT:
            figure.percent = value
            figure.percent_is_published = True
        elif value is not None and report.figures_as == MonitoringReport.FiguresAs.COUNT:
            figure.count = int(value)
            figure.percent = 100 * int(value) / assessed if assessed else None
        figures[level] = figure
    source = FROM_PUBLISHED if any(f.known for f in figures.values()) else ""
    return ReportSummary(report, source, assessed, figures)


def rating_counts(assessments):
    """{report_id: {Level: n}} for a queryset of ratings, in one query."""
    counts = defaultdict(dict)
    rows = assessments.values("report_id", "level").annotate(n=Count("id")).order_by()
    for row in rows:
        counts[row["report_id"]][Level(row["level"])] = row["n"]
    return counts


def report_summaries():
    """Every published report's summary, oldest first. Two queries."""
    reports = list(MonitoringReport.objects.published())
    counts = rating_counts(ComplianceAssessment.objects.published())
    # A report whose ratings are only some paragraphs' keeps its decree-wide published figures.
    return [
        summary_from_counts(report, counts[report.pk])
        if report.pk in counts and not report.ratings_are_partial
        else summary_from_published(report)
        for report in reports
    ]


def area_summaries(area):
    """Each published report's summary of the area's ratings, oldest first. Two queries.

    The monitor publishes figures for the decree as a whole, so an area's
    summaries come from ratings only.
    """
    counts = rating_counts(ComplianceAssessment.objects.published().filter(paragraph__area=area))
    return [
        summary_from_counts(report, counts[report.pk])
        for report in MonitoringReport.objects.published()
        if report.pk in counts
    ]


@dataclass
class StackRow:
    """One stacked bar: how many paragraphs of a group are at each level."""

    label: str
    counts: dict  # Level -> int
    url: str = ""
    report: MonitoringReport | None = None

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def cells(self):
        return [(level, self.counts.get(level, 0)) for level in STACK_ORDER]

    @property
    def nonzero_cells(self):
        return [(level, count) for level, count in self.cells if count]


# The report fields the pages show, read alongside the ratings to save a query.
REPORT_FIELDS = ["report_id", "report__title", "report__short_title", "report__period_end"]


def _report(row):
    """A MonitoringReport carrying only REPORT_FIELDS, from a ratings values() row."""
    return MonitoringReport(
        pk=row["report_id"],
        title=row["report__title"],
        short_title=row["report__short_title"],
        period_end=row["report__period_end"],
    )


def _report_order(report):
    return (report.period_end, report.pk)


def areas_with_standing(areas=None):
    """The areas, each with ``standing``: its ratings in its latest rated report, or None.

    An area's latest rated report is the most recent published report that
    rated any of its paragraphs. One query for the areas and one for the
    ratings, whatever their number.
    """
    areas = list(Area.objects.all() if areas is None else areas)
    counts = defaultdict(lambda: defaultdict(dict))  # area -> report -> level -> n
    reports = {}
    rows = (
        ComplianceAssessment.objects.published()
        .values("paragraph__area_id", "level", *REPORT_FIELDS)
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        if row["report_id"] not in reports:
            reports[row["report_id"]] = _report(row)
        counts[row["paragraph__area_id"]][row["report_id"]][Level(row["level"])] = row["n"]
    for area in areas:
        by_report = counts.get(area.pk)
        area.standing = None
        if by_report:
            latest = max((reports[pk] for pk in by_report), key=_report_order)
            area.standing = StackRow(latest.title, dict(by_report[latest.pk]), report=latest)
    return areas


@dataclass
class AreaBreakdown:
    """Each area's ratings in one report."""

    report: MonitoringReport | None
    rows: list  # StackRow per area


def area_breakdown(summaries):
    """Per-area ratings in the latest published report that has ratings. Two queries."""
    rated = [s.report for s in summaries if s.from_ratings]
    if not rated:
        return AreaBreakdown(None, [])
    latest = rated[-1]
    counts = defaultdict(dict)
    rows = (
        ComplianceAssessment.objects.published()
        .filter(report=latest)
        .values("paragraph__area_id", "level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["paragraph__area_id"]][Level(row["level"])] = row["n"]
    areas = Area.objects.only("title", "slug")
    return AreaBreakdown(
        latest,
        [StackRow(area.title, counts.get(area.pk, {}), area.get_absolute_url()) for area in areas],
    )


@dataclass
class ParagraphRow:
    """One paragraph on its area's page, with its rating in each report."""

    paragraph: Paragraph
    ratings: list  # one (level or None, note) per report column

    @property
    def latest(self):
        """(level, report) of the most recent rating other than "not assessed"."""
        for report, (level, _note) in reversed(self.ratings):
            if level and level != Level.NOT_ASSESSED:
                return level, report
        return None, None

    # Named parts for templates: an index (``latest.0``) costs the template
    # engine a failed attribute lookup and a dir() each time.

    @property
    def latest_level(self):
        return self.latest[0]

    @property
    def latest_report(self):
        return self.latest[1]

    @property
    def cells(self):
        """(level or None, note) per report column."""
        return [rating for _report, rating in self.ratings]


@dataclass
class RatingSource:
    """A page that published some of a report's ratings (a City department's page, say)."""

    report: MonitoringReport
    link: str

    @property
    def host(self):
        return (urlsplit(self.link).hostname or self.link).removeprefix("www.")


@dataclass
class AreaProgress:
    """What an area's page shows about its paragraphs."""

    reports: list  # published reports that rated any of the area's paragraphs
    movement: list  # StackRow per report
    paragraphs: list  # ParagraphRow
    sources: list = field(default_factory=list)  # RatingSource, report by report

    @property
    def latest(self):
        return self.movement[-1] if self.movement else None


def area_progress(area):
    """The area's paragraphs, their ratings report by report, and the area's movement.

    Two queries: the paragraphs, and their ratings with the reports' titles.
    """
    paragraphs = list(area.paragraphs.all())
    ratings = defaultdict(dict)  # paragraph_id -> report_id -> (level, note)
    per_report = defaultdict(lambda: defaultdict(int))
    reports = {}
    rows = (
        ComplianceAssessment.objects.published()
        .filter(paragraph__area=area)
        .values("paragraph_id", "level", "note", "source", *REPORT_FIELDS)
    )
    levels = {level.value: level for level in Level}
    sources = defaultdict(set)  # report_id -> pages the ratings were published on
    for row in rows:
        report_id = row["report_id"]
        if report_id not in reports:
            reports[report_id] = _report(row)
        if row["source"]:
            sources[report_id].add(row["source"])
        level = levels[row["level"]]
        ratings[row["paragraph_id"]][report_id] = (level, row["note"])
        per_report[report_id][level] += 1
    reports = sorted(reports.values(), key=_report_order)
    movement = [StackRow(report.label, dict(per_report[report.pk])) for report in reports]
    paragraph_rows = [
        ParagraphRow(
            paragraph,
            [(report, ratings[paragraph.pk].get(report.pk, (None, ""))) for report in reports],
        )
        for paragraph in paragraphs
    ]
    rating_sources = [
        RatingSource(report, link) for report in reports for link in sorted(sources[report.pk])
    ]
    return AreaProgress(reports, movement, paragraph_rows, rating_sources)


@dataclass
class HeadlineFigure:
    """One level's share in the latest report, and where it stood in the first report with one."""

    level: Level
    figure: LevelFigure
    earlier: LevelFigure | None = None
    earlier_report: MonitoringReport | None = None

    @property
    def change(self):
        """Percentage points gained since the earlier report (negative if lost), or None."""
        if self.earlier is None or self.earlier.share is None or self.figure.share is None:
            return None
        return round(self.figure.share - self.earlier.share)


@dataclass
class Headline:
    """Where the decree stands in the latest report with figures, for the home page."""

    summary: ReportSummary
    figures: list  # HeadlineFigure, for the levels that report has a share for

    @property
    def report(self):
        return self.summary.report


def headline(summaries=None):
    """The latest published report's shares at each level and how they moved, or None.

    Each level is compared with the first report that gave a share for it, so
    a level the monitor published only lately is still compared fairly.
    """
    summaries = [s for s in (summaries or report_summaries()) if s.has_figures]
    if not summaries:
        return None
    latest = summaries[-1]
    found = []
    for level in PUBLISHED_LEVELS:
        figure = latest.figures[level]
        if figure.share is None:
            continue
        first = next((s for s in summaries if s.figures[level].share is not None), latest)
        earlier = None if first is latest else first
        found.append(
            HeadlineFigure(
                level,
                figure,
                earlier.figures[level] if earlier else None,
                earlier.report if earlier else None,
            )
        )
    return Headline(latest, found) if found else None
