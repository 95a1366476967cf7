"""The demo's monitoring reports: Chicago's published summary figures, with sources.

Only the summary figures the monitor published (as reported, with a source
link and a confidence note) are loaded; no per-paragraph rating is invented.
"""

import csv
import datetime
import re
from decimal import Decimal
from pathlib import Path

from .models import MonitoringReport

REPORTS_CSV = Path(__file__).resolve().parent / "data" / "chicago-monitoring-reports.csv"


def short_title(title):
    """ "IMR 11" for "Independent Monitoring Report 11"; the title itself otherwise."""
    match = re.fullmatch(r"Independent Monitoring Report (\d+)", title)
    return f"IMR {match.group(1)}" if match else ""


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _number(value):
    return Decimal(value) if value else None


def load_reports(path=REPORTS_CSV):
    """Create the reports that do not exist yet; return how many were created.

    Reports are matched by title, so a second run, or a report staff have
    edited, is left alone.
    """
    created = 0
    with Path(path).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            _, made = MonitoringReport.objects.get_or_create(
                title=row["report"],
                defaults={
                    "short_title": short_title(row["report"]),
                    "period_start": _date(row["period_start"]),
                    "period_end": _date(row["period_end"]),
                    "filed": _date(row["filed"]),
                    "paragraphs_assessed": int(row["paragraphs_assessed"])
                    if row["paragraphs_assessed"]
                    else None,
                    "figures_as": row["figures_as"],
                    "preliminary": _number(row["preliminary"]),
                    "secondary": _number(row["secondary"]),
                    "full": _number(row["full"]),
                    "notes": row["notes"],
                    "figures_source": row["source"],
                    "confidence": row["confidence"] or "not stated",
                    "is_published": True,
                },
            )
            created += made
    return created
