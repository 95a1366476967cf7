"""Other cities' consent decrees, compared with the site's own."""

from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    """The comparisons app."""

    name = "comparisons"
    verbose_name = "Consent Decree in Other Cities"
