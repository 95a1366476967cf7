"""What each app offers the top floor (its search sections, sitemaps, demo content), found by name.

An app that has a ``search``, ``sitemaps`` or ``demo`` module is asked through
it, in the order of INSTALLED_APPS, so a new app is part of search, the sitemap
and the demo content without the pages that draw from every app naming it.
"""

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule


def app_modules(name):
    """The ``<app>.<name>`` module of every app of this project (not Django's or a library's)."""
    return [
        import_module(f"{config.name}.{name}")
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and module_has_submodule(config.module, name)
    ]
