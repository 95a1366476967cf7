"""GIN indexes of the search vectors on PostgreSQL, so search reads an index (none elsewhere).

The fields are those of this app's ``search.SECTIONS``, in the same order.
"""

from django.db import migrations

from core.searchable import add_search_index


class Migration(migrations.Migration):
    dependencies = [("policies", "0005_keep_change_history")]

    operations = [
        add_search_index("policies", "Policy", ('title', 'number', 'summary', 'body'), "policy_search_vector"),
        add_search_index("policies", "Document", ('title',), "document_search_vector"),
    ]
