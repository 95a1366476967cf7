"""The one open-data writer: rows of documented columns as CSV or JSON.

Every download on the site goes through ``download``: CSV cells that a
spreadsheet would run as a formula are defused, lists are space-separated,
booleans read ``true``/``false`` and unknown values are empty (``null`` in
JSON). Rows are streamed, or built once per content version where a file is
large and the same for everyone, and any site may read them (``Access-Control-Allow-Origin: *``).
"""

import csv
import json

from django.http import HttpResponse, StreamingHttpResponse

from . import fragments
from .spreadsheets import spreadsheet_safe


class _Echo:
    """A file-like object csv.writer can write to, handing each line straight back."""

    def write(self, value):
        return value


def csv_cell(value):
    """A CSV cell: lists space-separated, booleans as true/false, unknown as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return spreadsheet_safe(value)


def csv_lines(rows, columns):
    """The header, then one line per row (a dict keyed by ``columns``)."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([csv_cell(row[column]) for column in columns])


def json_chunks(rows, columns, meta, rows_key):
    """``{**meta, "columns": columns, rows_key: [row, …]}``, a row per line."""
    head = json.dumps({**meta, "columns": columns}, ensure_ascii=False)
    yield f'{head[:-1]}, "{rows_key}": ['
    for number, row in enumerate(rows):
        yield ("," if number else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


def download(rows, columns, fmt, filename, *, meta=None, rows_key="rows", cache_as=None):
    """``rows`` (dicts keyed by ``columns``, or a function that gives them, called only
    when the file is built) as ``filename.csv`` or as JSON.

    Streamed, so a large file never sits in memory; or, given ``cache_as`` (a
    name and the parts that tell one file of that name from another), built once
    per content version and kept whole in the shared cache (``fragments``): for
    files that are large and the same for everyone, such as every rating.
    """
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"

    def chunks():
        records = rows() if callable(rows) else rows
        if fmt == "csv":
            return csv_lines(records, columns)
        return json_chunks(records, columns, meta or {}, rows_key)

    if cache_as is None:
        response = StreamingHttpResponse(chunks(), content_type=content_type)
    else:
        name, *parts = cache_as
        body = fragments.cached(f"download-{name}", lambda: "".join(chunks()), fmt, *parts)
        response = HttpResponse(body, content_type=content_type)
    if fmt == "csv":
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
