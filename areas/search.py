"""What residents can search in the areas: the areas and the decree's paragraphs."""

from django.utils.translation import gettext_lazy as _

from core.searchable import Section

from .models import Area, Paragraph

SECTIONS = [
    Section(
        "areas",
        _("Areas of Improvement"),
        Area.objects.all,
        ("title", "subtitle", "summary", "body"),
    ),
    Section(
        "paragraphs",
        _("Decree paragraphs"),
        lambda: Paragraph.objects.select_related("area"),
        ("title", "text"),
        number_field="number",
    ),
]
