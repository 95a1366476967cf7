"""Search within one kind of content: full text on PostgreSQL, word matching elsewhere.

Each app describes what residents may search in it as ``Section``s in its own
``search`` module (``SECTIONS``), through its visibility QuerySets (``published()`` and the
like); ``reform_site.site_search`` asks every app and runs the query.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q

MAX_QUERY_LENGTH = 200
PER_SECTION = 20


@dataclass(frozen=True)
class Section:
    """A kind of content and the fields searched in it."""

    key: str
    label: str
    queryset: object  # a callable returning the records residents may see
    fields: tuple
    number_field: str = ""  # a query that is a number also finds this field's exact value

    def find(self, query):
        """Up to PER_SECTION + 1 matching records (one more tells whether there are more)."""
        number = query.lstrip("¶§ ").strip()
        if self.number_field and number.isascii() and number.isdigit():
            found = self.queryset().filter(**{self.number_field: int(number)})
        elif connection.vendor == "postgresql":
            found = _full_text(self.queryset(), self.fields, query)
        else:
            found = _word_match(self.queryset(), self.fields, query)
        return list(found[: PER_SECTION + 1])


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
