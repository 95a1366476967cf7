"""The ground floor: building blocks every app uses, importing no app of the site."""

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Site-wide building blocks and the site's own settings."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        from . import content_version

        # Every model of every app is loaded by now, later apps' included.
        content_version.connect_signals()
        from .pages import create_pages_after_migrate
        from .word_forms import register_on_sqlite

        post_migrate.connect(create_pages_after_migrate, sender=self)
        connection_created.connect(register_on_sqlite)
