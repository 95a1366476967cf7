"""The open-data downloads: stable, documented columns in CSV and JSON.

The column lists here are a promise to people who build on the data: add
columns at the end if needed, never rename or drop one. README.md documents
every column.
"""

from decimal import Decimal

from .models import PUBLISHED_LEVELS, ComplianceAssessment, Level

SUMMARY_COLUMNS = [
    "area",
    "report",
    "short_title",
    "period_start",
    "period_end",
    "filed",
    "figures_from",
    "figures_as",
    "paragraphs_assessed",
    "preliminary",
    "secondary",
    "full",
    "not_in_compliance",
    "not_assessed",
    "preliminary_percent",
    "secondary_percent",
    "full_percent",
    "source",
    "confidence",
    "notes",
    "report_link",
]

RATINGS_COLUMNS = [
    "paragraph",
    "paragraph_title",
    "area",
    "report",
    "period_start",
    "period_end",
    "level",
    "note",
]


def _number(value):
    """Decimals as plain numbers: 34 rather than 34.00, 5.5 rather than 5.50."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _date(value):
    return value.isoformat() if value else None


def summary_rows(summaries, area=None):
    """One dict per report, keyed by SUMMARY_COLUMNS, with JSON-ready values."""
    rows = []
    for summary in summaries:
        report = summary.report
        from_ratings = summary.from_ratings
        row = {
            "area": area.slug if area else None,
            "report": report.title,
            "short_title": report.short_title or None,
            "period_start": _date(report.period_start),
            "period_end": _date(report.period_end),
            "filed": _date(report.filed),
            "figures_from": summary.source or None,
            "figures_as": ("count" if from_ratings else report.figures_as) or None,
            "paragraphs_assessed": summary.assessed,
        }
        for level in PUBLISHED_LEVELS:
            figure = summary.figures[level]
            published = figure.percent if figure.percent_is_published else figure.count
            row[level.value] = _number(published)
        for level in (Level.NOT_IN_COMPLIANCE, Level.NOT_ASSESSED):
            row[level.value] = summary.counts.get(level) if from_ratings else None
        for level in PUBLISHED_LEVELS:
            share = summary.figures[level].share
            row[f"{level.value}_percent"] = None if share is None else round(share, 1)
        row.update(
            {
                "source": None if from_ratings else (report.figures_source or None),
                "confidence": None if from_ratings else report.confidence,
                "notes": report.notes or None,
                "report_link": report.link or None,
            }
        )
        rows.append(row)
    return rows


def rating_rows(area=None):
    """One dict per published rating, keyed by RATINGS_COLUMNS. One query, streamed."""
    ratings = ComplianceAssessment.objects.published()
    if area is not None:
        ratings = ratings.filter(paragraph__area=area)
    ratings = ratings.order_by("paragraph__number", "report__period_end", "report_id").values_list(
        "paragraph__number",
        "paragraph__title",
        "paragraph__area__slug",
        "report__title",
        "report__period_start",
        "report__period_end",
        "level",
        "note",
    )
    for number, title, area_slug, report, start, end, level, note in ratings.iterator(
        chunk_size=2000
    ):
        yield {
            "paragraph": number,
            "paragraph_title": title,
            "area": area_slug,
            "report": report,
            "period_start": _date(start),
            "period_end": _date(end),
            "level": level,
            "note": note,
        }
