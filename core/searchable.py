"""Search within one kind of content: full text on PostgreSQL, word forms on SQLite.

Each app describes what residents may search in it as ``Section``s in its own
``search`` module (``SECTIONS``), through its visibility QuerySets (``published()`` and the
like); ``reform_site.site_search`` asks every app and runs the query.

Search follows the page's language: a translated field is searched in the
page's language (with that language's stemming on PostgreSQL) and in English,
which is what the page shows where a translation is missing. Accents never
matter: "policia" finds "policía" (PostgreSQL's unaccent, in the text search
configurations a core migration makes). A result holds every word of the query
in some form, so "trainings" finds "training" (on SQLite through Snowball stems
of the language, ``core.word_forms``).

On PostgreSQL each section's search vector in each language has a GIN index,
made by a migration of the section's app through ``add_search_index``
(PostgreSQL only), so a query reads the index instead of computing
``to_tsvector`` over every row. The index is on exactly the expression the
query uses: the columns ``fields_by_language`` gives for that language, in that
order, with that language's configuration (``SEARCH_CONFIGS``). A section whose
fields change, or a new language, needs a migration with new indexes.
"""

from dataclasses import dataclass
from functools import reduce
from operator import add, or_

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, migrations
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat

from .i18n import DEFAULT_LANGUAGE, current_language, translated_fields
from .word_forms import HasWordForms, query_stems

MAX_QUERY_LENGTH = 200
PER_SECTION = 20

# PostgreSQL text search configurations per language: each one's stemming,
# with accents removed (made by core/migrations/0004_accent_blind_search.py).
# A language without one here is searched without stemming.
SEARCH_CONFIGS = {"en": "english_unaccent", "es": "spanish_unaccent"}
FALLBACK_SEARCH_CONFIG = "simple_unaccent"
# The configuration of the first indexes, before the site had languages; their
# migrations name no configuration and mean this one.
FIRST_INDEXES_CONFIG = "english"


def search_config(language):
    """The PostgreSQL text search configuration for ``language``."""
    return SEARCH_CONFIGS.get(language, FALLBACK_SEARCH_CONFIG)


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


def fields_by_language(model, fields, language=None):
    """{language: column names} to search on a page in ``language`` (the current one by default),
    the page's language first.

    A translated field is searched in the page's language and in English; a
    field that is not translated (a number, a city's name, the decree's own
    text) is English.
    """
    page = language or current_language()
    translated = set(translated_fields(model))
    groups = {page: [], DEFAULT_LANGUAGE: []}
    for name in fields:
        if name in translated:
            groups[page].append(f"{name}_{page}")
            groups[DEFAULT_LANGUAGE].append(f"{name}_{DEFAULT_LANGUAGE}")
        else:
            groups[DEFAULT_LANGUAGE].append(name)
    return {code: list(dict.fromkeys(names)) for code, names in groups.items() if names}


def _word_match(queryset, fields_by_language, query):
    """Every word of the query appears, in some form, among one language's fields: the
    stems of that language (``core.word_forms``), with case and accents folded."""
    matches = []
    for language, names in fields_by_language.items():
        wanted = query_stems(query, language)
        if not wanted:
            continue
        if len(names) == 1:
            text = F(names[0])
        else:
            parts = [part for name in names for part in (F(name), Value(" "))][:-1]
            text = Concat(*parts, output_field=TextField())
        matches.append(HasWordForms(text, Value(" ".join(sorted(wanted))), Value(language)))
    if not matches:
        return queryset.none()
    return queryset.filter(reduce(or_, matches))


def _full_text(queryset, fields_by_language, query):
    # ``vector @@ query`` per language in WHERE, as each language's GIN index can answer it.
    vectors, matches, ranks = {}, [], []
    for language, names in fields_by_language.items():
        config = search_config(language)
        vector = f"search_vector_{language}"
        search = SearchQuery(query, search_type="websearch", config=config)
        vectors[vector] = SearchVector(*names, config=config)
        matches.append(Q(**{vector: search}))
        ranks.append(SearchRank(F(vector), search))
    return (
        queryset.annotate(**vectors)
        .filter(reduce(or_, matches))
        .annotate(search_rank=reduce(add, ranks))
        .order_by("-search_rank")
    )


def search_index(fields, name, config=FIRST_INDEXES_CONFIG):
    """The GIN index of the search vector of ``fields``, as ``Section.find`` queries it."""
    return GinIndex(SearchVector(*fields, config=config), name=name)


def add_search_index(app_label, model_name, fields, name, config=FIRST_INDEXES_CONFIG):
    """A migration operation adding ``search_index`` on PostgreSQL; nothing elsewhere."""

    def index_and_model(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None, None
        return search_index(fields, name, config), apps.get_model(app_label, model_name)

    def forwards(apps, schema_editor):
        index, model = index_and_model(apps, schema_editor)
        if index:
            schema_editor.add_index(model, index)

    def backwards(apps, schema_editor):
        index, model = index_and_model(apps, schema_editor)
        if index:
            schema_editor.remove_index(model, index)

    return migrations.RunPython(forwards, backwards, elidable=False)


def remove_search_index(app_label, model_name, fields, name, config=FIRST_INDEXES_CONFIG):
    """The reverse of ``add_search_index``: drop an index a query no longer uses."""
    added = add_search_index(app_label, model_name, fields, name, config)
    return migrations.RunPython(added.reverse_code, added.code, elidable=False)
