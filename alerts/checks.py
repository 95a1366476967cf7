"""Deployment checks of the alerts, shown by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.compatibility, deploy=True)
def site_url_configured(app_configs, **kwargs):
    """Alert emails are sent by a command, with no request to take the site's address from."""
    if settings.SITE_URL:
        return []
    return [
        Warning(
            "SITE_URL is not set, so `send_alerts` cannot write the links in alert emails.",
            hint="Set SITE_URL to the site's public address, such as https://reform.example.org.",
            id="alerts.W001",
        )
    ]
