"""The two-factor account pages where the site's rule differs from the library's.

django-two-factor-auth lets anyone turn two-factor sign-in off; an account that
must use it (``staff_access.second_factor_required``) cannot, and its page says
who can reset it instead.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from two_factor.views import DisableView, ProfileView

from .staff_access import second_factor_required


class StaffProfileView(ProfileView):
    """The account's two-factor page, saying whether it may be turned off."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["second_factor_required"] = second_factor_required(self.request.user)
        return context


class StaffDisableView(DisableView):
    """Turning two-factor sign-in off, refused to accounts that must keep it."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and second_factor_required(request.user):
            messages.error(
                request,
                _(
                    "Your account must use two-factor sign-in. To move it to a new phone, "
                    "ask an administrator to reset it."
                ),
            )
            return redirect("two_factor:profile")
        return super().dispatch(request, *args, **kwargs)
