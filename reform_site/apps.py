from django.apps import AppConfig


class ReformSiteConfig(AppConfig):
    name = "reform_site"
    verbose_name = "Site"
