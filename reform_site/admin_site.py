"""The site's admin: two-factor sign-in, plain labels, and a dashboard of what needs attention.

Installed in place of Django's default admin site (``StaffAdminConfig``), so
every ``@admin.register`` in the apps registers here. Every admin page, and
every staff-only view that asks ``admin.site.has_permission``, refuses a
session that has not passed the second factor its account needs
(``staff_access.admin_access_allowed``).
"""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from core.dashboard import collect_panels

from .staff_access import admin_access_allowed, has_second_factor, second_factor_required

# django-axes' records, under names that say what they are.
PLAIN_LABELS = {
    ("axes", "accessattempt"): _("Locked and failed sign-ins"),
    ("axes", "accessfailurelog"): _("Failed sign-in log"),
    ("axes", "accesslog"): _("Sign-in log"),
    ("otp_totp", "totpdevice"): _("Authenticator apps"),
    ("otp_static", "staticdevice"): _("Backup code sets"),
}


class StaffAdminSite(admin.AdminSite):
    """The admin, open only to staff who passed the second factor their account needs."""

    site_header = _("Reform site administration")
    site_title = _("Reform site admin")
    index_title = _("Keep the site current")

    def has_permission(self, request):
        return super().has_permission(request) and admin_access_allowed(request.user)

    def login(self, request, extra_context=None):
        """Send sign-ins to the two-factor sign-in; a session that must set one up, to set-up."""
        user = request.user
        if (
            user.is_authenticated
            and user.is_active
            and user.is_staff
            and not user.is_verified()
            and second_factor_required(user)
            and not has_second_factor(user)
        ):
            return redirect("two_factor:setup")
        redirect_to = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME))
        if not redirect_to or not url_has_allowed_host_and_scheme(
            redirect_to, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            redirect_to = resolve_url("admin:index")
        return redirect_to_login(redirect_to)

    def _build_app_dict(self, request, label=None):
        app_dict = super()._build_app_dict(request, label)
        for app_label, app in app_dict.items():
            for model in app["models"]:
                key = (app_label, model["model"]._meta.model_name)
                if key in PLAIN_LABELS:
                    model["name"] = PLAIN_LABELS[key]
        return app_dict

    def index(self, request, extra_context=None):
        """The app list, with the dashboard's panels above it."""
        context = {"dashboard_panels": collect_panels(request), **(extra_context or {})}
        return super().index(request, context)
