"""The site settings' and the site's own pages' words, in each language (django-modeltranslation)."""

from .i18n import register_translated
from .models import Page, SiteSettings

register_translated(
    SiteSettings,
    "site_name",
    "department",
    "tagline",
    "what_heading",
    "what_intro",
    "involved_heading",
    "areas_card_title",
    "areas_card_text",
    "media_card_title",
    "media_card_text",
    "feedback_card_title",
    "feedback_card_text",
    "areas_heading",
    "comparisons_heading",
    "media_heading",
    "media_subheading",
    "media_empty_text",
    "policies_heading",
    "policies_text",
    "feedback_heading",
    "feedback_text",
)

register_translated(Page, "title", "summary", "body")
