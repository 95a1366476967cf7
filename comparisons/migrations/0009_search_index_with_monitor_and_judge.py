"""The decrees' English search index on PostgreSQL also holds their monitors and judges,
as ``search.SECTIONS`` now searches them (none elsewhere)."""

from django.db import migrations

from core.searchable import add_search_index, remove_search_index

BEFORE = ("city", "department_en", "summary_en", "notes_en")
AFTER = ("city", "department_en", "monitor", "judge", "summary_en", "notes_en")


class Migration(migrations.Migration):
    dependencies = [("comparisons", "0008_history_in_each_language")]

    operations = [
        remove_search_index(
            "comparisons", "ConsentDecree", BEFORE, "decree_search_vector_en", "english_unaccent"
        ),
        add_search_index(
            "comparisons", "ConsentDecree", AFTER, "decree_search_vector_en", "english_unaccent"
        ),
    ]
