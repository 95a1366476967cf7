"""The top floor: settings, the URL map and the pages that draw from every app."""

from django.apps import AppConfig


class ReformSiteConfig(AppConfig):
    """Registers the site's deployment checks; holds no models of its own any more."""

    name = "reform_site"
    verbose_name = "Site pages"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
