"""Search indexes per language on PostgreSQL (none elsewhere), as ``core.searchable`` queries.

Each section is searched in English and in the page's language, each with its
own accent-blind configuration: the English indexes of one vector per section
give way to one per language, on that language's columns, in the order of this
app's ``search.SECTIONS`` (``core.searchable.fields_by_language``).
"""

from django.db import migrations

from core.searchable import add_search_index, remove_search_index


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0006_content_in_each_language"),
        ("core", "0004_accent_blind_search"),
    ]

    operations = [
        remove_search_index("comparisons", "ConsentDecree", ("city", "department", "summary", "notes"), "decree_search_vector"),
        add_search_index(
            "comparisons", "ConsentDecree", ("city", "department_en", "summary_en", "notes_en"), "decree_search_vector_en", "english_unaccent"
        ),
        add_search_index(
            "comparisons", "ConsentDecree", ("department_es", "summary_es", "notes_es"), "decree_search_vector_es", "spanish_unaccent"
        ),
    ]
