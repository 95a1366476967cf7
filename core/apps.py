"""The ground floor: building blocks every app uses, importing no app of the site."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide building blocks and the site's own settings."""

    name = "core"
    verbose_name = "Site"
