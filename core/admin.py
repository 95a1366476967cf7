"""The admin pages of the site settings and of the site's own pages (accessibility, privacy)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin

from .history_admin import HistoryAdmin
from .models import Page, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdmin, MarkdownxModelAdmin):
    """One record: staff may change it but neither add a second nor delete it."""

    fieldsets = [
        (None, {"fields": ["site_name", "city", "department", "tagline", "accent_color"]}),
        ("What we are doing", {"fields": ["what_heading", "what_intro"]}),
        (
            "Ways to get involved",
            {
                "fields": [
                    "involved_heading",
                    ("areas_card_title", "areas_card_text"),
                    ("media_card_title", "media_card_text"),
                    ("feedback_card_title", "feedback_card_text"),
                ]
            },
        ),
        (
            "Section headings and calls to action",
            {
                "fields": [
                    "areas_heading",
                    "comparisons_heading",
                    ("media_heading", "media_subheading"),
                    "media_empty_text",
                    ("policies_heading", "policies_text"),
                    ("feedback_heading", "feedback_text"),
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Page)
class PageAdmin(HistoryAdmin, MarkdownxModelAdmin):
    """The accessibility statement and the privacy page: staff edit them; their addresses are fixed."""

    list_display = ["title", "address", "updated_at"]
    fields = ["slug", "title", "summary", "body", "updated_at"]
    readonly_fields = ["updated_at"]

    @admin.display(description=_("address"))
    def address(self, page):
        return page.get_absolute_url()

    def get_readonly_fields(self, request, obj=None):
        # The footer links to each page by its slug: changing it would break them.
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields

    def has_add_permission(self, request):
        # Only a page that went missing can be added back (migrate also recreates it).
        missing = Page.objects.count() < len(Page.Slug)
        return missing and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
