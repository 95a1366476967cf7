"""Site search: every app's sections (its ``search.SECTIONS``), one query each."""

from core.registry import app_modules
from core.searchable import MAX_QUERY_LENGTH, PER_SECTION, clean_query

__all__ = ["MAX_QUERY_LENGTH", "clean_query", "search", "sections"]


def sections():
    """Every app's search sections, in the order of INSTALLED_APPS."""
    return [section for module in app_modules("search") for section in module.SECTIONS]


def search(query):
    """Results per section: a list of (section, records, has_more)."""
    results = []
    for section in sections():
        records = section.find(query)
        if records:
            results.append((section, records[:PER_SECTION], len(records) > PER_SECTION))
    return results
