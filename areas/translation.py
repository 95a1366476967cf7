"""The areas' words that staff write in each language (django-modeltranslation)."""

from core.i18n import register_translated

from .models import Area

register_translated(Area, "title", "subtitle", "summary", "body")
