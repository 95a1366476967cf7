"""Search within one kind of content: full text on PostgreSQL, word matching elsewhere.

Each app describes what residents may search in it as ``Section``s in its own
``search`` module (``SECTIONS``), through its visibility QuerySets (``published()`` and the
like); ``reform_site.site_search`` asks every app and runs the query.

Search follows the page's language: a translated field is searched in the
page's language (with that language's stemming on PostgreSQL) and in English,
which is what the page shows where a translation is missing. Accents never
matter: "policia" finds "policía" (PostgreSQL's unaccent, set up by a core
migration; an accent-folding match on SQLite).
"""

import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import add, and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Func, Q, TextField

from .i18n import DEFAULT_LANGUAGE, current_language, translated_fields

MAX_QUERY_LENGTH = 200
PER_SECTION = 20

# PostgreSQL text search configurations per language: each one's stemming,
# with accents removed (made by core/migrations/0003_accent_blind_search.py).
# A language without one here is searched without stemming.
SEARCH_CONFIGS = {"en": "english_unaccent", "es": "spanish_unaccent"}
FALLBACK_SEARCH_CONFIG = "simple_unaccent"


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
        queryset = self.queryset()
        if self.number_field and number.isascii() and number.isdigit():
            found = queryset.filter(**{self.number_field: int(number)})
        elif connection.vendor == "postgresql":
            found = _full_text(queryset, fields_by_language(queryset.model, self.fields), query)
        else:
            found = _word_match(queryset, fields_by_language(queryset.model, self.fields), query)
        return list(found[: PER_SECTION + 1])


def clean_query(raw):
    """The query as searched: spaces folded, cut to a sane length."""
    # NUL is not text to PostgreSQL; nobody types it on purpose.
    return " ".join((raw or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def fields_by_language(model, fields):
    """{language: column names} to search on the current page, the page's language first.

    A translated field is searched in the page's language and in English; a
    field that is not translated (a number, a city's name, the decree's own
    text) is English.
    """
    page = current_language()
    translated = set(translated_fields(model))
    groups = {page: [], DEFAULT_LANGUAGE: []}
    for name in fields:
        if name in translated:
            groups[page].append(f"{name}_{page}")
            groups[DEFAULT_LANGUAGE].append(f"{name}_{DEFAULT_LANGUAGE}")
        else:
            groups[DEFAULT_LANGUAGE].append(name)
    return {language: list(dict.fromkeys(names)) for language, names in groups.items() if names}


def fold(text):
    """``text`` in lower case without accents: "Policía" → "policia"."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Fold(Func):
    """A column in lower case without accents, by ``fold`` (registered on SQLite connections)."""

    function = "FOLD"
    output_field = TextField()


def register_fold(sender, connection, **kwargs):
    """Give every new SQLite connection the FOLD function (``connection_created``)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "FOLD", 1, lambda value: None if value is None else fold(value), deterministic=True
        )


def _word_match(queryset, fields_by_language, query):
    """Every word of the query appears in at least one field, accents and case aside."""
    words = [fold(word) for word in query.split()[:10]]
    columns = [name for names in fields_by_language.values() for name in names]
    folded = {f"_folded_{i}": Fold(name) for i, name in enumerate(columns)}
    conditions = [
        reduce(or_, (Q(**{f"{alias}__contains": word}) for alias in folded)) for word in words
    ]
    return queryset.alias(**folded).filter(reduce(and_, conditions))


def _full_text(queryset, fields_by_language, query):
    ranks = [
        SearchRank(
            SearchVector(*names, config=config),
            SearchQuery(query, search_type="websearch", config=config),
        )
        for language, names in fields_by_language.items()
        for config in [SEARCH_CONFIGS.get(language, FALLBACK_SEARCH_CONFIG)]
    ]
    return (
        queryset.annotate(search_rank=reduce(add, ranks))
        .filter(search_rank__gt=0)
        .order_by("-search_rank")
    )
