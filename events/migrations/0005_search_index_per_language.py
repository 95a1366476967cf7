"""Search indexes per language on PostgreSQL (none elsewhere), as ``core.searchable`` queries:
one English vector of the events' English columns and one Spanish of their Spanish copies."""

from django.db import migrations

from core.searchable import add_search_index, remove_search_index


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_content_in_each_language"),
        ("core", "0004_accent_blind_search"),
    ]

    operations = [
        remove_search_index(
            "events", "Event", ("title", "summary", "description", "place_name"), "event_search_vector"
        ),
        add_search_index(
            "events",
            "Event",
            ("title_en", "summary_en", "description_en", "place_name"),
            "event_search_vector_en",
            "english_unaccent",
        ),
        add_search_index(
            "events",
            "Event",
            ("title_es", "summary_es", "description_es"),
            "event_search_vector_es",
            "spanish_unaccent",
        ),
    ]
