"""The demo's consent decrees: researched facts with their sources, from the data file.

Loaded by ``manage.py load_demo_content``; the cities shown on the home page are
the seed page's three, and Chicago is the site's own decree.
"""

import csv
import datetime
from pathlib import Path

from django.utils.text import slugify

from .models import ConsentDecree

DECREES_CSV = Path(__file__).resolve().parent / "data" / "consent-decrees.csv"

# The seed page's three cities, in its order; Chicago is the site's own decree.
HOME_DECREES = ["Los Angeles", "New Orleans", "Seattle"]
OWN_DECREE = "Chicago"
# Sourced milestones the seed page mentions (see the notes column of the data).
MILESTONES = {
    "Seattle": "The Seattle Police Department lifted most of their requirements as of September 2023.",
}


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _order(city, row_number):
    if city == OWN_DECREE:
        return 0
    if city in HOME_DECREES:
        return HOME_DECREES.index(city) + 1
    return row_number + 10


def load(path=DECREES_CSV):
    """Create the decrees that do not exist yet, matched by slug; return how many."""
    created = 0
    with Path(path).open(newline="", encoding="utf-8") as handle:
        for row_number, row in enumerate(csv.DictReader(handle)):
            city = row["city"]
            _, made = ConsentDecree.objects.get_or_create(
                slug=slugify(city),
                defaults={
                    "city": city,
                    "department": row["department"],
                    "agreement_type": row["agreement_type"],
                    "entered": _date(row["entered"]),
                    "ended": _date(row["ended"]),
                    "status": row["status"],
                    "paragraph_count": int(row["paragraphs"]) if row["paragraphs"] else None,
                    "monitor": row["monitor"],
                    "judge": row["judge"],
                    "notes": row["notes"],
                    "sources": "\n".join(row["sources"].split()),
                    "confidence": row["confidence"],
                    # The facts the research could not confirm, named in the data.
                    **{f"{fact}_unverified": True for fact in row["unverified"].split()},
                    "milestone": MILESTONES.get(city, ""),
                    "is_own_decree": city == OWN_DECREE,
                    "show_on_home": city in HOME_DECREES,
                    "order": _order(city, row_number),
                },
            )
            created += made
    return created
