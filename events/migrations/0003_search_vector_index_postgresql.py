"""GIN index of the events' search vector on PostgreSQL, so search reads an index (none elsewhere).

The fields are those of this app's ``search.SECTIONS``, in the same order.
"""

from django.db import migrations

from core.searchable import add_search_index


class Migration(migrations.Migration):
    dependencies = [("events", "0002_keep_change_history")]

    operations = [
        add_search_index(
            "events", "Event", ("title", "summary", "description", "place_name"), "event_search_vector"
        ),
    ]
