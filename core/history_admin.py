"""Change history in the admin: who changed what and when, word by word, and a way back.

``HistoryAdmin`` is django-simple-history's admin with the site's diff: each
change lists the fields that changed, long text as passages with the removed
and added words marked (``core.textdiff``), short values as old → new. Put it
first among an admin class's bases; it adds views and templates only, so it
composes with the other admin bases (Markdown editor, translations).
"""

from django.db import models
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .textdiff import diff_passages

TEXT_FIELDS = (models.CharField, models.TextField)


def diff_excluded_fields(model):
    """Fields nobody edits (rendered HTML, sizes, timestamps): not worth a line in a diff."""
    return [field.name for field in model._meta.concrete_fields if not field.editable]


class WordDiffContextHelper(HistoricalRecordContextHelper):
    """Text fields as passages with words marked; other fields as django-simple-history shows them."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices:
            return dict(field.flatchoices).get(value, value)  # “News”, not “news”
        return super().prepare_delta_change_value(change, value)

    def context_for_delta_changes(self, delta):
        changes = []
        for change in delta.changes:
            field = self.model._meta.get_field(change.field)
            if isinstance(field, TEXT_FIELDS) and not field.choices:
                changes.append(
                    {
                        "field": capfirst(field.verbose_name),
                        "passages": diff_passages(change.old or "", change.new or ""),
                    }
                )
            else:
                formatted = self.format_delta_change(change)
                changes.append(
                    {"field": formatted.field, "old": formatted.old, "new": formatted.new}
                )
        return changes


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin's History page with word-by-word changes, and restoring an earlier version."""

    object_history_list_template = "admin/history/object_history_list.html"
    history_list_per_page = 25

    def get_historical_record_context_helper(self, request, historical_record):
        return WordDiffContextHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        excluded = diff_excluded_fields(self.model)
        newer = None
        for record in historical_records:
            if newer is not None:
                delta = newer.diff_against(
                    record, excluded_fields=excluded, foreign_keys_are_objs=foreign_keys_are_objs
                )
                helper = self.get_historical_record_context_helper(request, newer)
                newer.history_delta_changes = helper.context_for_delta_changes(delta)
            newer = record
