"""What residents can search among meetings and hearings: published events."""

from django.utils.translation import gettext_lazy as _

from core.searchable import Section

from .models import Event

SECTIONS = [
    Section(
        "events",
        _("Meetings and hearings"),
        Event.objects.published,
        ("title", "summary", "description", "place_name"),
    )
]
