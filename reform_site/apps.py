"""The top floor: settings, the URL map and the pages that draw from every app."""

from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ReformSiteConfig(AppConfig):
    """Registers the site's deployment checks; holds no models of its own any more."""

    name = "reform_site"
    verbose_name = "Site pages"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)


# Modules rather than classes are imported: Django would take an imported AppConfig
# marked default as this module's own.


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin on the site's own admin site: two-factor sign-in and the dashboard."""

    default = False
    default_site = "reform_site.admin_site.StaffAdminSite"


class SignInProtectionConfig(axes_apps.AppConfig):
    """django-axes, named for what it does for staff rather than after the library."""

    default = False
    verbose_name = _("Sign-in protection")
