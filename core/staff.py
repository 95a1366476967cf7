"""The one rule for staff-only views outside the admin: the admin site's own permission check.

``admin.site`` is the project's admin site, which refuses staff who have not
passed the second factor their account needs; previews, the Markdown preview
and image uploads ask it too, so none of them is a way around it.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse


def staff_only(view):
    """Run ``view`` for someone who may use the admin; send anyone else to sign in."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if admin.site.has_permission(request):
            return view(request, *args, **kwargs)
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))

    return wrapped
