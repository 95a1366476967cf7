"""Area pages, the progress page and their open-data downloads."""

import csv
import json

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from media_center.models import Post
from policies.models import Policy
from reform_site.spreadsheets import spreadsheet_safe

from . import charts, figures, opendata
from .models import LEVEL_DESCRIPTIONS, Area, Level


def level_legend():
    return [
        {"level": level, "fill": charts.fill(level), "description": LEVEL_DESCRIPTIONS[level]}
        for level in figures.STACK_ORDER
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
        "legend": level_legend(),
        "posts": Post.objects.published().for_area(area)[:5],
        "open_drafts": Policy.objects.open_for_comment().for_area(area),
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
        "breakdown": breakdown,
        "breakdown_chart": charts.stacked_bars(breakdown.rows),
        "legend": level_legend(),
        "published_levels": [Level.PRELIMINARY, Level.SECONDARY, Level.FULL],
    }
    return render(request, "areas/progress.html", context)


# Open data ---------------------------------------------------------------


class _Echo:
    """A file-like object csv.writer can write to, handing each line straight back."""

    def write(self, value):
        return value


def _csv_lines(rows, columns):
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow(["" if row[c] is None else spreadsheet_safe(row[c]) for c in columns])


def _json_chunks(rows, columns, title):
    yield json.dumps({"title": title, "columns": columns})[:-1] + ', "rows": ['
    for number, row in enumerate(rows):
        yield ("," if number else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


def download(rows, columns, fmt, filename, title):
    """Stream ``rows`` as CSV or JSON, so a large file never sits in memory."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_lines(rows, columns), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    else:
        response = StreamingHttpResponse(
            _json_chunks(rows, columns, title), content_type="application/json"
        )
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


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
