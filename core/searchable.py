"""Search within one kind of content: full text on PostgreSQL, word forms on SQLite.

Each app describes what residents may search in it as ``Section``s in its own
``search`` module (``SECTIONS``), through its visibility QuerySets (``published()`` and the
like); ``reform_site.site_search`` asks every app and runs the query.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.translation import get_language

from .word_forms import HasWordForms, query_stems

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
    """Every word of the query appears, in some form, in one of the fields (``core.word_forms``)."""
    language = (get_language() or "en")[:2]
    wanted = query_stems(query, language)
    if not wanted:
        return queryset.none()
    if len(fields) == 1:
        text = F(fields[0])
    else:
        parts = [part for field in fields for part in (F(field), Value(" "))][:-1]
        text = Concat(*parts, output_field=TextField())
    return queryset.filter(HasWordForms(text, Value(" ".join(sorted(wanted))), Value(language)))


def _full_text(queryset, fields, query):
    vector = SearchVector(*fields, config="english")
    search = SearchQuery(query, search_type="websearch", config="english")
    # Matched with @@, so every word counts: a rank above 0 only says that some word matched.
    return (
        queryset.annotate(search_document=vector, search_rank=SearchRank(vector, search))
        .filter(search_document=search)
        .order_by("-search_rank")
    )
