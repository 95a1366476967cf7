"""The general feedback page and the confirmation pages."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache

from .intake import (
    confirmation_shows_details,
    form_given_back,
    handle_submission,
    when_sent_in_this_session,
)
from .models import Feedback, FeedbackPage


@never_cache
def feedback_form(request):
    """The general form: GET shows it, POST goes through the shared intake."""
    intake = handle_submission(request)
    if intake.response:
        return intake.response
    return render(request, "feedback/feedback_form.html", {"form": intake.form})


@never_cache
def sent(request, reference):
    """The reference number, shown only in the session that sent the message.

    What was sent (the message, the email) is shown for FEEDBACK_CONFIRMATION_SECONDS
    only; after that the page keeps the reference and says why the rest is gone.
    """
    sent_at = when_sent_in_this_session(request, reference)
    if sent_at is None:
        return render(request, "feedback/not_found.html", status=404)
    feedback = get_object_or_404(
        Feedback.objects.select_related("area", "policy"), reference=reference
    )
    context = {
        "feedback": feedback,
        "page": FeedbackPage.load(),
        "shows_details": confirmation_shows_details(sent_at),
    }
    return render(request, "feedback/sent.html", context)


@never_cache
def thanks(request):
    """A neutral thank-you page, without a reference (where dropped submissions land)."""
    return render(request, "feedback/thanks.html")


def csrf_failure(request, reason=""):
    """Django's CSRF failure page, except that a feedback form comes back with its text.

    A security cookie that expired or was cleared while someone was writing must
    not cost them their message: they get it back, with a fresh token, and send
    it again. Nothing is stored from the rejected request, and the form keeps
    its own token only if that verifies, so this is no way around the minimum time.
    """
    if not (request.method == "POST" and "form_token" in request.POST):
        return django_csrf_failure(request, reason)
    message = _(
        "For your security this form needs to be sent again. Check what you wrote "
        "below and press “Send” again."
    )
    form = form_given_back(request.POST, message)
    return render(request, "feedback/feedback_form.html", {"form": form}, status=403)
