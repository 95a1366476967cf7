"""Draft policies open for public comment, and the document library."""

from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    """The policies app."""

    name = "policies"
    verbose_name = "Draft Policy & Documents"
