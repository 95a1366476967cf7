from django.contrib import admin
from markdownx.admin import MarkdownxModelAdmin

from .models import ConsentDecree


@admin.register(ConsentDecree)
class ConsentDecreeAdmin(MarkdownxModelAdmin):
    list_display = [
        "city",
        "department",
        "entered",
        "ended",
        "status",
        "paragraph_count",
        "show_on_home",
    ]
    list_filter = ["status", "agreement_type", "show_on_home", "is_own_decree"]
    search_fields = ["city", "department", "monitor", "judge"]
    prepopulated_fields = {"slug": ["city"]}
    ordering = ["order", "city"]
