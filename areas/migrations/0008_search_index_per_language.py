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
        ("areas", "0007_content_in_each_language"),
        ("core", "0004_accent_blind_search"),
    ]

    operations = [
        remove_search_index("areas", "Area", ("title", "subtitle", "summary", "body"), "area_search_vector"),
        add_search_index(
            "areas", "Area", ("title_en", "subtitle_en", "summary_en", "body_en"), "area_search_vector_en", "english_unaccent"
        ),
        add_search_index(
            "areas", "Area", ("title_es", "subtitle_es", "summary_es", "body_es"), "area_search_vector_es", "spanish_unaccent"
        ),
        remove_search_index("areas", "Paragraph", ("title", "text"), "paragraph_search_vector"),
        add_search_index(
            "areas", "Paragraph", ("title", "text"), "paragraph_search_vector_en", "english_unaccent"
        ),
    ]
