"""The general feedback page and the confirmation pages."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from .intake import handle_submission, sent_in_this_session
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
    """The reference number, shown only in the session that sent the message."""
    if not sent_in_this_session(request, reference):
        return render(request, "feedback/not_found.html", status=404)
    feedback = get_object_or_404(
        Feedback.objects.select_related("area", "policy"), reference=reference
    )
    return render(
        request, "feedback/sent.html", {"feedback": feedback, "page": FeedbackPage.load()}
    )


@never_cache
def thanks(request):
    """A neutral thank-you page, without a reference (where dropped submissions land)."""
    return render(request, "feedback/thanks.html")
