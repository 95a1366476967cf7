"""GIN indexes of the search vectors on PostgreSQL, so search reads an index (none elsewhere).

The fields are those of this app's ``search.SECTIONS``, in the same order.
"""

from django.db import migrations

from core.searchable import add_search_index


class Migration(migrations.Migration):
    dependencies = [("areas", "0005_keep_change_history")]

    operations = [
        add_search_index("areas", "Area", ('title', 'subtitle', 'summary', 'body'), "area_search_vector"),
        add_search_index("areas", "Paragraph", ('title', 'text'), "paragraph_search_vector"),
    ]
