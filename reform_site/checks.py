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
