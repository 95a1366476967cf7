"""The ground floor: building blocks every app uses, importing no app of the site."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Site-wide building blocks and the site's own settings."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        from .pages import create_pages_after_migrate

        post_migrate.connect(create_pages_after_migrate, sender=self)
