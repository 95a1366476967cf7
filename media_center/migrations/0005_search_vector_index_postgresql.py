"""GIN indexes of the search vectors on PostgreSQL, so search reads an index (none elsewhere).

The fields are those of this app's ``search.SECTIONS``, in the same order.
"""

from django.db import migrations

from core.searchable import add_search_index


class Migration(migrations.Migration):
    dependencies = [("media_center", "0004_keep_change_history")]

    operations = [
        add_search_index("media_center", "Post", ('title', 'summary', 'body'), "post_search_vector"),
    ]
