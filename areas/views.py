"""Area pages, the progress page and their open-data downloads.

The area page also lists other sections' content about the area (posts, drafts)
through the reverse relations their models declare, so areas import no other app.
"""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core import opendata as opendata_writer

from . import charts, figures, opendata
from .models import LEVEL_DESCRIPTIONS, Area, Level


def level_legend():
    return [
        {"level": level, "description": LEVEL_DESCRIPTIONS[level]} for level in figures.STACK_ORDER
    ]


def area_list(request):
    areas = figures.areas_with_standing()
    return render(
        request,
        "areas/area_list.html",
        {"areas": areas, "any_standing": any(area.standing for area in areas)},
    )


def area_detail(request, slug):
    area = get_object_or_404(Area, slug=slug)
    progress = figures.area_progress(area)
    context = {
        "area": area,
        "progress": progress,
        "movement_chart": charts.stacked_bars(progress.movement),
        "movement_chart_narrow": charts.stacked_bars(progress.movement, narrow=True),
        "legend": level_legend(),
        # Other sections' content about the area, through their own visibility rules.
        "posts": area.posts.published()[:5],
        "open_drafts": area.policies.open_for_comment(),
    }
    return render(request, "areas/area_detail.html", context)


def progress(request):
    summaries = figures.report_summaries()
    charted = [summary for summary in summaries if summary.has_figures]
    breakdown = figures.area_breakdown(summaries)
    context = {
        "summaries": summaries,
        "charted": charted,
        "chart": charts.grouped_bars(charted),
        "chart_narrow": charts.grouped_bars(charted, narrow=True),
        "breakdown": breakdown,
        "breakdown_chart": charts.stacked_bars(breakdown.rows),
        "breakdown_chart_narrow": charts.stacked_bars(breakdown.rows, narrow=True),
        "legend": level_legend(),
        "published_levels": [Level.PRELIMINARY, Level.SECONDARY, Level.FULL],
    }
    return render(request, "areas/progress.html", context)


# Open data ---------------------------------------------------------------


def download(rows, columns, fmt, filename, title):
    return opendata_writer.download(rows, columns, fmt, filename, meta={"title": title})


def progress_data(request, fmt):
    rows = opendata.summary_rows(figures.report_summaries())
    title = _("Consent decree progress by monitoring report")
    return download(rows, opendata.SUMMARY_COLUMNS, fmt, "progress", title)


def progress_ratings(request, fmt):
    title = _("Paragraph ratings in each monitoring report")
    return download(opendata.rating_rows(), opendata.RATINGS_COLUMNS, fmt, "ratings", title)


def area_data(request, slug, fmt):
    area = get_object_or_404(Area, slug=slug)
    rows = opendata.summary_rows(figures.area_summaries(area), area=area)
    title = _("%(area)s: progress by monitoring report") % {"area": area.title}
    return download(rows, opendata.SUMMARY_COLUMNS, fmt, f"{area.slug}-progress", title)


def area_ratings(request, slug, fmt):
    area = get_object_or_404(Area, slug=slug)
    title = _("%(area)s: paragraph ratings in each monitoring report") % {"area": area.title}
    rows = opendata.rating_rows(area)
    return download(rows, opendata.RATINGS_COLUMNS, fmt, f"{area.slug}-ratings", title)
