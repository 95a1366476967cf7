from django.contrib import admin
from markdownx.admin import MarkdownxModelAdmin

from .models import Area


@admin.register(Area)
class AreaAdmin(MarkdownxModelAdmin):
    list_display = ["title", "subtitle", "order"]
    list_editable = ["order"]
    list_filter = ["subtitle"]
    search_fields = ["title", "subtitle", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["order", "title"]
