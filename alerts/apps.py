"""Email alerts: residents subscribe by topic and area; the sender emails each item once."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Subscriptions, the queue of emails, and the watch on what other apps publish."""

    name = "alerts"
    verbose_name = _("Email alerts")

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
        from .announcing import watch_sources

        watch_sources()
