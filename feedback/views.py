"""The general feedback page and the confirmation pages."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from core.views import gives_back_refused_forms

from .intake import (
    confirmation_shows_details,
    form_page,
    handle_submission,
    when_sent_in_this_session,
)
from .models import Feedback, FeedbackPage


@gives_back_refused_forms
@never_cache
def feedback_form(request):
    """The general form: GET shows it, POST goes through the shared intake."""
    intake = handle_submission(request)
    if intake.response:
        return intake.response
    form = intake.form
    return form_page(
        request, form, lambda: render(request, "feedback/feedback_form.html", {"form": form})
    )


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
