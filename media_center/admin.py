"""The admin of posts and the announcement banner."""

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin

from core.admin import TranslatedAdmin
from core.history_admin import HistoryAdmin
from core.kept_uploads import KeptAdminFileWidget, keeps_uploads_form

from .models import Announcement, Post


@admin.register(Announcement)
class AnnouncementAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """Announcement banners and the window in which each shows."""

    list_display = ["title", "is_active", "starts_at", "ends_at", "showing_now"]
    list_filter = ["is_active"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["-starts_at", "-created"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "link_url", "body"]}),
        (
            _("When the banner shows"),
            {
                "fields": ["is_active", "starts_at", "ends_at"],
                "description": _(
                    "The home page shows the banner from its start until its end, while it "
                    "is switched on. If several qualify, the one that started last shows."
                ),
            },
        ),
    ]

    @admin.display(boolean=True, description=_("on the home page now"))
    def showing_now(self, announcement):
        return announcement.is_showing()


@admin.register(Post)
class PostAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """Posts, their schedule, cover photo and related areas."""

    form = keeps_uploads_form(Post)
    formfield_overrides = {
        **MarkdownxModelAdmin.formfield_overrides,
        models.ImageField: {"widget": KeptAdminFileWidget},
    }

    list_display = ["title", "category", "status", "published_at", "visible_now", "featured"]
    list_filter = ["status", "category", "featured", "published_at", "areas"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    ordering = ["-published_at"]
    filter_horizontal = ["areas"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (_("Cover image"), {"fields": ["cover_image", "cover_alt"]}),
        (
            _("Publishing"),
            {
                "fields": ["status", "published_at", "featured", "areas"],
                "description": _(
                    "A published post appears at its publish time: set a future time to "
                    "schedule it. Use “View on site” to preview a draft or scheduled post."
                ),
            },
        ),
    ]

    @admin.display(boolean=True, description=_("visible to residents now"))
    def visible_now(self, post):
        return post.is_public(timezone.now())

    def view_on_site(self, post):
        # The public page is a 404 until the post is live; staff preview it instead.
        return post.get_preview_url()
