"""Public meetings and hearings: the events app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Meetings and hearings residents can attend, with calendar files."""

    name = "events"
    verbose_name = _("Meetings and hearings")
