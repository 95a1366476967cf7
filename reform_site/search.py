"""Site search: one query per section, full-text on PostgreSQL, word matching elsewhere.

Each section searches only what residents may see, through its app's own
visibility QuerySet (``published()`` and the like).
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from areas.models import Area, Paragraph
from comparisons.models import ConsentDecree
from media_center.models import Post
from policies.models import Document, Policy

MAX_QUERY_LENGTH = 200
PER_SECTION = 20


@dataclass(frozen=True)
class Section:
    """A kind of content and the fields searched in it."""

    key: str
    label: str
    queryset: object  # a callable returning the visible records
    fields: tuple
    number_field: str = ""  # a query that is a number also finds this field's exact value


SECTIONS = [
    Section(
        "areas",
        _("Areas of Improvement"),
        Area.objects.all,
        ("title", "subtitle", "summary", "body"),
    ),
    Section(
        "paragraphs",
        _("Decree paragraphs"),
        lambda: Paragraph.objects.select_related("area"),
        ("title", "text"),
        number_field="number",
    ),
    Section("posts", _("Media Center"), Post.objects.published, ("title", "summary", "body")),
    Section(
        "policies",
        _("Draft policies"),
        Policy.objects.published,
        ("title", "number", "summary", "body"),
    ),
    Section(
        "documents",
        _("Documents"),
        lambda: Document.objects.published().current().select_related("policy"),
        ("title",),
    ),
    Section(
        "decrees",
        _("Other cities"),
        ConsentDecree.objects.all,
        ("city", "department", "summary", "notes"),
    ),
]


def clean_query(raw):
    """The query as searched: spaces folded, cut to a sane length."""
    # NUL is not text to PostgreSQL; nobody types it on purpose.
    return " ".join((raw or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def _word_match(queryset, fields, query):
    """Every word of the query appears in at least one field."""
    words = query.split()[:10]
    conditions = [reduce(or_, (Q(**{f"{f}__icontains": word}) for f in fields)) for word in words]
    return queryset.filter(reduce(and_, conditions))


def _full_text(queryset, fields, query):
    vector = SearchVector(*fields, config="english")
    search = SearchQuery(query, search_type="websearch", config="english")
    return (
        queryset.annotate(search_rank=SearchRank(vector, search))
        .filter(search_rank__gt=0)
        .order_by("-search_rank")
    )


def search(query):
    """Results per section: a list of (section, records, has_more)."""
    match = _full_text if connection.vendor == "postgresql" else _word_match
    results = []
    number = query.lstrip("¶§ ").strip()
    for section in SECTIONS:
        if section.number_field and number.isascii() and number.isdigit():
            found = section.queryset().filter(**{section.number_field: int(number)})
        else:
            found = match(section.queryset(), section.fields, query)
        records = list(found[: PER_SECTION + 1])
        if records:
            results.append((section, records[:PER_SECTION], len(records) > PER_SECTION))
    return results
