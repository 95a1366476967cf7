"""The demo's consent decrees: researched facts with their sources, from the data file.

Loaded by ``manage.py load_demo_content``; the cities shown on the home page are
the seed page's three, and Chicago is the site's own decree.
"""

import csv
import datetime
from pathlib import Path

from django.utils.text import slugify

from core.demo import add_missing_translations

from .models import ConsentDecree

DECREES_CSV = Path(__file__).resolve().parent / "data" / "consent-decrees.csv"

# The seed page's three cities, in its order; Chicago is the site's own decree.
HOME_DECREES = ["Los Angeles", "New Orleans", "Seattle"]
OWN_DECREE = "Chicago"
# Sourced milestones the seed page mentions (see the notes column of the data).
MILESTONES = {
    "Seattle": "The Seattle Police Department lifted most of their requirements as of September 2023.",
}
MILESTONES_ES = {
    "Seattle": (
        "El Departamento de Policía de Seattle quedó libre de la mayoría de sus requisitos "
        "en septiembre de 2023."
    ),
}
# The departments' names as Spanish-language news gives them.
DEPARTMENTS_ES = {
    "Chicago Police Department": "Departamento de Policía de Chicago",
    "Los Angeles Police Department": "Departamento de Policía de Los Ángeles",
    "New Orleans Police Department": "Departamento de Policía de Nueva Orleans",
    "Seattle Police Department": "Departamento de Policía de Seattle",
    "Baltimore Police Department": "Departamento de Policía de Baltimore",
    "Cleveland Division of Police": "División de Policía de Cleveland",
    "Newark Police Division": "División de Policía de Newark",
    "Albuquerque Police Department": "Departamento de Policía de Albuquerque",
    "Ferguson Police Department": "Departamento de Policía de Ferguson",
    "Portland Police Bureau": "Oficina de Policía de Portland",
}
# The kinds of agreement in the data file, in Spanish (docs/glossary-es.md).
AGREEMENT_TYPES_ES = {
    "consent decree": "decreto de consentimiento",
    "settlement agreement": "acuerdo de conciliación",
    "memorandum of agreement": "memorando de acuerdo",
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
            words = {
                "department": row["department"],
                "department_es": DEPARTMENTS_ES.get(row["department"], ""),
                "agreement_type": row["agreement_type"],
                "agreement_type_es": AGREEMENT_TYPES_ES.get(row["agreement_type"], ""),
                "milestone": MILESTONES.get(city, ""),
                "milestone_es": MILESTONES_ES.get(city, ""),
            }
            decree, made = ConsentDecree.objects.get_or_create(
                slug=slugify(city),
                defaults={
                    "city": city,
                    **words,
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
                    "is_own_decree": city == OWN_DECREE,
                    "show_on_home": city in HOME_DECREES,
                    "order": _order(city, row_number),
                },
            )
            if not made:  # loaded before the site had Spanish
                add_missing_translations(decree, words)
            created += made
    return created
