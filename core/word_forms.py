"""Word forms for search on SQLite: “trainings” finds “training”, “policia” finds “policía”.

PostgreSQL's full-text search reduces words to their stems itself; SQLite has
nothing of the kind. There, a function SQLite calls (registered on every new
connection) reduces a record's searched text and the query to Snowball stems,
the same algorithms PostgreSQL's own stemmers come from, after folding case and
accents; a record matches when every stem of the query is among its own. The
stemmer is the page's language's (English for a language without one).
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.db.models import BooleanField, Func

SQL_FUNCTION = "reform_has_word_forms"
# Snowball's name for each language the site may be read in.
STEMMER_LANGUAGES = {"en": "english", "es": "spanish"}
MAX_QUERY_WORDS = 10

_WORD = re.compile(r"\w+")
# Snowball stemmers keep state while they work: one set per thread.
_stemmers = threading.local()


def fold(text):
    """``text`` without case or accents: “Policía” and “policia” read the same."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _stemmer(language):
    found = getattr(_stemmers, "by_language", None)
    if found is None:
        found = _stemmers.by_language = {}
    if language not in found:
        found[language] = snowballstemmer.stemmer(STEMMER_LANGUAGES.get(language, "english"))
    return found[language]


@lru_cache(maxsize=100_000)
def _stem(word, language):
    return _stemmer(language).stemWord(word)


def stems(text, language="en"):
    """The set of stems of the words in ``text``."""
    return {_stem(word, language) for word in _WORD.findall(fold(text or ""))}


def query_stems(query, language="en"):
    """The stems a record must all hold to match ``query`` (its first words only)."""
    words = _WORD.findall(fold(query or ""))[:MAX_QUERY_WORDS]
    return {_stem(word, language) for word in words}


# Records' texts change rarely and are searched again and again: remember the
# stems of the last few thousand (a site's areas, paragraphs and posts fit).
@lru_cache(maxsize=4096)
def _text_stems(text, language):
    return frozenset(stems(text, language))


def has_word_forms(text, wanted, language):
    """SQLite's ``reform_has_word_forms``: 1 when ``text`` holds every stem in ``wanted``.

    ``wanted`` is the query's stems, space-separated (``query_stems``).
    """
    if not text or not wanted:
        return 0
    return int(set(wanted.split()) <= _text_stems(text, language))


class HasWordForms(Func):
    """``HasWordForms(text, Value("stem stem"), Value("en"))``: true when the text holds them all."""

    function = SQL_FUNCTION
    output_field = BooleanField()


def register_on_sqlite(sender, connection, **kwargs):
    """connection_created receiver: give each SQLite connection the matching function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 3, has_word_forms, deterministic=True)
