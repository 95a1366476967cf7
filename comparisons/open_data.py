"""The comparison as open data: one documented set of columns for CSV and JSON.

The column names and their order are a promise to people who script against
the downloads (see the README): add columns at the end, never rename one.
"""

from .sorting import Sort

COLUMNS = [
    "city",
    "slug",
    "department",
    "agreement_type",
    "entered",
    "ended",
    "status",
    "years_in_effect",
    "paragraph_count",
    "monitor",
    "judge",
    "confidence",
    "unverified_facts",
    "sources",
    "notes",
    "is_own_decree",
    "page_url",
]


def records(decrees, today, build_absolute_uri):
    """One dict per decree, oldest first, with JSON types (None for unknown)."""
    return [
        {
            "city": decree.city,
            "slug": decree.slug,
            "department": decree.department,
            "agreement_type": decree.agreement_type,
            "entered": decree.entered.isoformat(),
            "ended": decree.ended.isoformat() if decree.ended else None,
            "status": decree.status,
            "years_in_effect": decree.years_in_effect(today),
            "paragraph_count": decree.paragraph_count,
            "monitor": decree.monitor,
            "judge": decree.judge,
            "confidence": decree.confidence,
            "unverified_facts": decree.unverified_facts,
            "sources": decree.source_links,
            "notes": decree.notes,
            "is_own_decree": decree.is_own_decree,
            "page_url": build_absolute_uri(decree.get_absolute_url()),
        }
        for decree in Sort.default().apply(decrees, today)
    ]
