"""The ground floor: building blocks every app uses, importing no app of the site."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide building blocks and the site's own settings."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        from . import content_version

        # Every model of every app is loaded by now, later apps' included.
        content_version.connect_signals()

        from django.db.backends.signals import connection_created

        from .searchable import register_fold

        # SQLite's accent-blind search needs FOLD on every connection.
        connection_created.connect(register_fold, dispatch_uid="core.register_fold")
