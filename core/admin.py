"""The admin's titles and the site settings' page."""

from django.contrib import admin
from markdownx.admin import MarkdownxModelAdmin

from .models import SiteSettings

admin.site.site_header = "Reform site administration"
admin.site.site_title = "Reform site admin"
admin.site.index_title = "Keep the site current"


@admin.register(SiteSettings)
class SiteSettingsAdmin(MarkdownxModelAdmin):
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
