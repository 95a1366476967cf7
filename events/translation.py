"""Meetings and hearings in each language (django-modeltranslation)."""

from core.i18n import register_translated

from .models import Event, EventLink

register_translated(Event, "title", "summary", "description", "status_note", "accessibility")
register_translated(EventLink, "label")
