"""The admin of other cities' decrees."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin

from core.admin import TranslatedAdmin
from core.history_admin import HistoryAdmin

from .models import ConsentDecree


@admin.register(ConsentDecree)
class ConsentDecreeAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """Decrees with their facts, sources and which facts are unverified."""

    list_display = [
        "city",
        "department",
        "entered",
        "ended",
        "status",
        "paragraph_count",
        "facts_verified",
        "show_on_home",
    ]
    list_filter = ["status", "agreement_type", "show_on_home", "is_own_decree"]
    search_fields = ["city", "department", "monitor", "judge"]
    prepopulated_fields = {"slug": ["city"]}
    ordering = ["order", "city"]
    fieldsets = [
        (None, {"fields": ["city", "slug", "department", "agreement_type", "status"]}),
        (_("Key facts"), {"fields": ["entered", "ended", "paragraph_count", "monitor", "judge"]}),
        (
            _("What is verified"),
            {
                "description": _(
                    "Write “verified” when every fact above is confirmed by the sources. "
                    "Otherwise say which facts are not, and why, and tick them: the "
                    "comparison table and the decree page label those facts."
                ),
                "fields": [
                    "confidence",
                    "entered_unverified",
                    "ended_unverified",
                    "paragraph_count_unverified",
                    "monitor_unverified",
                    "judge_unverified",
                    "sources",
                ],
            },
        ),
        (_("Words"), {"fields": ["summary", "milestone", "notes"]}),
        (_("Where it appears"), {"fields": ["is_own_decree", "show_on_home", "order"]}),
    ]

    @admin.display(boolean=True, description=_("facts verified"))
    def facts_verified(self, decree):
        return decree.is_fully_verified
