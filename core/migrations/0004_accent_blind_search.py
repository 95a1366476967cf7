"""Accent-blind full-text search on PostgreSQL: the unaccent extension and one
text search configuration per language (core.searchable.SEARCH_CONFIGS).

Each configuration is the language's own (stemming, stop words) with accents
removed before stemming, so "policia" finds "policía". Nothing happens on
other databases (SQLite folds accents in the query itself).
"""

from django.db import migrations

CONFIGS = {
    # name: (the built-in configuration it copies, its stemming dictionary or None)
    "english_unaccent": ("english", "english_stem"),
    "spanish_unaccent": ("spanish", "spanish_stem"),
    "simple_unaccent": ("simple", "simple"),
}
WORDS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (source, dictionary) in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {WORDS} "
            f"WITH unaccent, {dictionary}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [('core', '0003_content_in_each_language')]

    operations = [migrations.RunPython(create, drop)]
