"""The areas of improvement, the decree's paragraphs and the monitor's ratings."""

from django.apps import AppConfig


class AreasConfig(AppConfig):
    """The areas app."""

    name = "areas"
    verbose_name = "Areas of Improvement"
