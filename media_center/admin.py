from django.contrib import admin
from markdownx.admin import MarkdownxModelAdmin

from .models import Announcement, Post


@admin.register(Announcement)
class AnnouncementAdmin(MarkdownxModelAdmin):
    list_display = ["title", "is_active", "starts_at", "ends_at"]
    list_filter = ["is_active"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["-starts_at", "-created"]


@admin.register(Post)
class PostAdmin(MarkdownxModelAdmin):
    list_display = ["title", "status", "published_at"]
    list_filter = ["status", "published_at"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    ordering = ["-published_at"]
