"""Deployment checks of the site's own, shown by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def shared_cache_configured(app_configs, **kwargs):
    """Rate limits only hold across gunicorn workers and servers with a shared cache."""
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set, so each worker process keeps its own cache: the "
            "feedback rate limit is counted per process, not per site.",
            hint="Set REDIS_URL to a Redis server shared by every app server.",
            id="reform_site.W001",
        )
    ]


@register(Tags.security, deploy=True)
def security_contact_configured(app_configs, **kwargs):
    """Someone who finds a security problem needs to know whom to tell."""
    if settings.SECURITY_CONTACT:
        return []
    return [
        Warning(
            "SECURITY_CONTACT is not set, so /.well-known/security.txt answers 404 and "
            "nobody who finds a security problem knows whom to tell.",
            hint="Set SECURITY_CONTACT to an email address or an https:// page for reports.",
            id="reform_site.W002",
        )
    ]
