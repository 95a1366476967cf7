"""The demo's areas (the seed page's ten) and Chicago's monitoring reports.

Only the summary figures the monitor published (as reported, with a source
link and a confidence note) are loaded; no per-paragraph rating is invented.
Loaded by ``manage.py load_demo_content``.
"""

import csv
import datetime
import re
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from .models import Area, MonitoringReport

# (title, subtitle, summary), in the seed page's order.
AREAS = [
    (
        "Community Policing",
        "",
        "Integrating community policing to enhance public trust and ensure sustainable "
        "reforms. This approach prioritizes trust, community collaboration, and joint "
        "problem-solving with city agencies.",
    ),
    (
        "Impartial Policing",
        "",
        "Implementing clear policies against sexual misconduct, proper response to "
        "allegations of abuse, and mandatory annual training for all officers on "
        "procedural justice and cultural competency.",
    ),
    (
        "Officer Wellness & Support",
        "",
        "Prioritizing the mental well-being of officers, by providing comprehensive "
        "support for those dealing with the psychological effects of their duties.",
    ),
    (
        "Training",
        "",
        "Implementation of mandatory training hours for officers ensuring they are "
        "well-prepared and aligned with updated policies to better serve Chicago.",
    ),
    (
        "Crisis Intervention",
        "",
        "Adequately training officers in crisis intervention techniques to handle "
        "behavioral or mental health crises effectively and respectfully. Promoting "
        "safety in police interactions and reducing the need to use force.",
    ),
    (
        "Supervision",
        "",
        "Equipping CPD supervisors to better train and monitor their officers, ensuring "
        "accountability and addressing adverse behavior. Consistently implementing "
        "performance evaluations to pinpoint both commendable and concerning behaviors, "
        "promoting public safety and trust.",
    ),
    (
        "Use of Force",
        "",
        "The department has outlined specific use of force techniques and tools officers "
        "can use, always prioritizing the sanctity of life by providing immediate aid to "
        "anyone injured. In addition, CPD ensures transparent communication pathways for "
        "the community to comment on these policies.",
    ),
    (
        "Accountability & Transparency",
        "",
        "Emphasizing core values such as professionalism and integrity, with every member "
        "held accountable to these standards. Creating a just and effective accountability "
        "system, where any misconduct is addressed promptly and equitably, ensuring due "
        "process.",
    ),
    (
        "Recruitment",
        "Hiring & Promotion",
        "Creating policies to ensure our processes for the ranks of sergeant and "
        "lieutenant are transparent, and continuously reviewing and updating our "
        "recruitment, hiring and promotion policies and practices.",
    ),
    (
        "Data Collection",
        "Analysis & Management",
        "Utilize data-driven strategies to uphold constitutional policing, encompassing "
        "systematic data collection, accuracy checks, trend analysis, and creating "
        "targeted interventions to address and modify concerning officers’ behaviors.",
    ),
]

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


def load_areas():
    """Create the seed page's areas that do not exist yet, matched by slug."""
    created = 0
    for order, (title, subtitle, summary) in enumerate(AREAS, start=1):
        _, made = Area.objects.get_or_create(
            slug=slugify(f"{title} {subtitle}"),
            defaults={"title": title, "subtitle": subtitle, "summary": summary, "order": order},
        )
        created += made
    return created


def load():
    """The areas, then the reports; return how many records were created."""
    return load_areas() + load_reports()
