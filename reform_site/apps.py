from django.apps import AppConfig


class ReformSiteConfig(AppConfig):
    name = "reform_site"
    verbose_name = "Site"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
