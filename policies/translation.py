"""Draft policies and document titles in each language (django-modeltranslation)."""

from core.i18n import register_translated

from .models import Document, Policy, PolicyExtension

register_translated(Policy, "title", "summary", "body", "what_we_heard")
register_translated(PolicyExtension, "reason")
register_translated(Document, "title")
