"""Area pages, the progress page and their open-data downloads.

The area page also lists other sections' content about the area (posts, drafts, events)
through the reverse relations their models declare, so areas import no other app.
"""

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from core import opendata as opendata_writer
from core.fragments import cached

from . import charts, figures, opendata
from .models import LEVEL_DESCRIPTIONS, Area, Level


def level_legend():
    return [
        {"level": level, "description": LEVEL_DESCRIPTIONS[level]} for level in figures.STACK_ORDER
    ]


def area_cards(level=3):
    """The area cards of the home page and the area list, as HTML.

    Built once per content change: every area's standing aggregates every rating.
    """

    def build():
        areas = figures.areas_with_standing()
        html = render_to_string("includes/area_cards.html", {"areas": areas, "level": level})
        return html, bool(areas), any(area.standing for area in areas)

    return cached("area-cards", build, level)


def area_list(request):
    cards, any_area, any_standing = area_cards(level=2)
    context = {"area_cards": cards, "any_area": any_area, "any_standing": any_standing}
    return render(request, "areas/area_list.html", context)


def area_progress_html(area):
    """(standing section, paragraph table or "") of ``area``'s page, as HTML."""
    progress = figures.area_progress(area)
    context = {
        "area": area,
        "progress": progress,
        "movement_chart": charts.stacked_bars(progress.movement),
        "movement_chart_narrow": charts.stacked_bars(progress.movement, narrow=True),
        "legend": level_legend(),
    }
    standing = render_to_string("areas/includes/area_standing.html", context)
    table = ""
    if progress.paragraphs:
        table = render_to_string("areas/includes/paragraph_table.html", context)
    return standing, table


def area_detail(request, slug):
    area = get_object_or_404(Area, slug=slug)

    def progress_html():
        # The chart, the figures and the ratings table (paragraphs × reports): costly,
        # built once per content change, and kept apart from the parts time changes.
        return cached("area-progress", lambda: area_progress_html(area), area.pk)

    # Read only when the page's kept part (``{% fragment %}``) is built again.
    progress = SimpleLazyObject(progress_html)
    context = {
        "area": area,
        "standing": SimpleLazyObject(lambda: progress[0]),
        "paragraph_table": SimpleLazyObject(lambda: progress[1]),
        # Other sections' content about the area, through their own visibility rules.
        "posts": SimpleLazyObject(lambda: area.posts.published()[:5]),
        "open_drafts": SimpleLazyObject(lambda: area.policies.open_for_comment()),
        "events": SimpleLazyObject(lambda: area.events.published().upcoming()[:3]),
    }
    return render(request, "areas/area_detail.html", context)


def progress_figures():
    """Everything the progress page computes, once per content change."""
    summaries = figures.report_summaries()
    charted = [summary for summary in summaries if summary.has_figures]
    breakdown = figures.area_breakdown(summaries)
    return {
        "summaries": summaries,
        "charted": charted,
        "chart": charts.grouped_bars(charted),
        "chart_narrow": charts.grouped_bars(charted, narrow=True),
        "breakdown": breakdown,
        "breakdown_chart": charts.stacked_bars(breakdown.rows),
        "breakdown_chart_narrow": charts.stacked_bars(breakdown.rows, narrow=True),
    }


def progress(request):
    context = {
        **cached("progress-figures", progress_figures),
        "legend": level_legend(),
        "published_levels": [Level.PRELIMINARY, Level.SECONDARY, Level.FULL],
    }
    return render(request, "areas/progress.html", context)


# Open data ---------------------------------------------------------------


def download(rows, columns, fmt, filename, title):
    """The file, built once per content version: the ratings run to thousands of rows."""
    meta = {"title": title}
    return opendata_writer.download(rows, columns, fmt, filename, meta=meta, cache_as=[filename])


def progress_data(request, fmt):
    def rows():
        return opendata.summary_rows(figures.report_summaries())

    title = _("Consent decree progress by monitoring report")
    return download(rows, opendata.SUMMARY_COLUMNS, fmt, "progress", title)


def progress_ratings(request, fmt):
    title = _("Paragraph ratings in each monitoring report")
    return download(opendata.rating_rows(), opendata.RATINGS_COLUMNS, fmt, "ratings", title)


def area_data(request, slug, fmt):
    area = get_object_or_404(Area, slug=slug)

    def rows():
        return opendata.summary_rows(figures.area_summaries(area), area=area)

    title = _("%(area)s: progress by monitoring report") % {"area": area.title}
    return download(rows, opendata.SUMMARY_COLUMNS, fmt, f"{area.slug}-progress", title)


def area_ratings(request, slug, fmt):
    area = get_object_or_404(Area, slug=slug)
    title = _("%(area)s: paragraph ratings in each monitoring report") % {"area": area.title}
    rows = opendata.rating_rows(area)
    return download(rows, opendata.RATINGS_COLUMNS, fmt, f"{area.slug}-ratings", title)
