"""What residents can search in the policies: published drafts and current documents."""

from django.utils.translation import gettext_lazy as _

from core.searchable import Section

from .models import Document, Policy

SECTIONS = [
    Section(
        "policies",
        _("Draft policies"),
        Policy.objects.published,
        ("title", "number", "summary", "body"),
    ),
    Section(
        "documents",
        _("Documents"),
        lambda: Document.objects.published().current().select_related("policy"),
        ("title",),
    ),
]
