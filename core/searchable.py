"""Search within one kind of content: full text on PostgreSQL, word forms on SQLite.

Each app describes what residents may search in it as ``Section``s in its own
``search`` module (``SECTIONS``), through its visibility QuerySets (``published()`` and the
like); ``reform_site.site_search`` asks every app and runs the query.

On PostgreSQL each section's search vector has a GIN index, made by a migration
of the section's app through ``add_search_index`` (PostgreSQL only), so a query
reads the index instead of computing ``to_tsvector`` over every row. The index
is on exactly the expression the query uses (the same fields, in the same order,
with the same configuration): a section whose fields change needs a migration
with a new index. A language gets its own sections' fields and configuration
(``add_search_index(..., fields=("title_es", ...), config="spanish")``).
"""

from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, migrations
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.translation import get_language

from .word_forms import HasWordForms, query_stems

MAX_QUERY_LENGTH = 200
PER_SECTION = 20
CONFIG = "english"


@dataclass(frozen=True)
class Section:
    """A kind of content and the fields searched in it."""

    key: str
    label: str
    queryset: object  # a callable returning the records residents may see
    fields: tuple
    number_field: str = ""  # a query that is a number also finds this field's exact value
    config: str = CONFIG  # PostgreSQL's text search configuration (the language)

    def find(self, query):
        """Up to PER_SECTION + 1 matching records (one more tells whether there are more)."""
        number = query.lstrip("¶§ ").strip()
        if self.number_field and number.isascii() and number.isdigit():
            found = self.queryset().filter(**{self.number_field: int(number)})
        elif connection.vendor == "postgresql":
            found = _full_text(self.queryset(), self.fields, query, self.config)
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


def _full_text(queryset, fields, query, config=CONFIG):
    # ``vector @@ query`` in WHERE, as the GIN index on the vector can answer it.
    search = SearchQuery(query, search_type="websearch", config=config)
    return (
        queryset.annotate(search_vector=SearchVector(*fields, config=config))
        .filter(search_vector=search)
        .annotate(search_rank=SearchRank(F("search_vector"), search))
        .order_by("-search_rank")
    )


def search_index(fields, name, config=CONFIG):
    """The GIN index of the search vector of ``fields``, as ``Section.find`` queries it."""
    return GinIndex(SearchVector(*fields, config=config), name=name)


def add_search_index(app_label, model_name, fields, name, config=CONFIG):
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
