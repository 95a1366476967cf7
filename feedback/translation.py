"""The words around the feedback form in each language (django-modeltranslation)."""

from core.i18n import register_translated

from .models import FeedbackPage

register_translated(
    FeedbackPage,
    "heading",
    "intro",
    "emergency_text",
    "complaints_text",
    "complaints_link_text",
    "complaints_url",
    "privacy_notice",
    "confirmation_text",
)
