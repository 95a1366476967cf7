"""Posts and announcements in each language (django-modeltranslation)."""

from core.i18n import register_translated

from .models import Announcement, Post

register_translated(Post, "title", "summary", "body", "cover_alt")
register_translated(Announcement, "title", "body")
