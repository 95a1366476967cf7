"""What each app offers the top floor (its search sections, sitemaps, demo content), found by name.

An app that has a ``search``, ``sitemaps``, ``demo`` or ``schedule`` module is
asked through it, in the order of INSTALLED_APPS, so a new app is part of
search, the sitemap, the demo content and the page cache's clock without the
pages that draw from every app naming it.
"""

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule


def is_project_app(config):
    """Whether ``config`` is one of this project's apps (not Django's or a library's).

    A virtual environment may live inside the project folder (``make`` puts it in
    ``.venv/``), so being under BASE_DIR is not enough.
    """
    if not getattr(config, "path", None):  # a migration's historical app
        return False
    path = Path(config.path)
    return path.is_relative_to(settings.BASE_DIR) and not {"site-packages", ".venv"} & set(
        path.relative_to(settings.BASE_DIR).parts
    )


def project_app_configs():
    """This project's apps, in the order of INSTALLED_APPS."""
    return [config for config in apps.get_app_configs() if is_project_app(config)]


def app_modules(name):
    """The ``<app>.<name>`` module of every app of this project (not Django's or a library's)."""
    return [
        import_module(f"{config.name}.{name}")
        for config in project_app_configs()
        if module_has_submodule(config.module, name)
    ]
