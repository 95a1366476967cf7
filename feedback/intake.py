"""The one intake every feedback form goes through.

The general page (``/feedback/``) and a draft policy's page both call
``handle_submission``, which returns either a response (the redirect to the
confirmation, the 429 page) or the form to show. A page that takes feedback::

    @gives_back_refused_forms
    @never_cache  # the form carries a one-time token
    def my_page(request):
        intake = handle_submission(request, policy=None)  # or the draft open for comment
        if intake.response:
            return intake.response
        return render(request, "my_page.html", {"form": intake.form})

and in its template ``{% include "feedback/includes/form.html" with form=form %}``,
which shows the notices (emergencies, complaints, privacy), the error summary
and the form, posting back to the page's own URL. A POST refused by the CSRF
check never reaches the view as usual: ``core.views.csrf_failure`` calls the
page's view again with ``request.csrf_refused`` set, and the intake gives the
form back with its text instead of storing it.
"""

import datetime
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.fragments import cached
from core.i18n import current_language
from core.pagecache import visitor_may_share

from .abuse import (
    client_fingerprint,
    count_submission,
    new_form_token,
    read_form_token,
    token_for_form_given_back,
)
from .forms import FeedbackForm
from .models import DroppedSubmission, Feedback

logger = logging.getLogger(__name__)

# The session remembers [reference, sent at (POSIX time)] for what it sent, newest last.
SESSION_KEY = "feedback_sent"
SESSION_KEEPS = 20


# Where a kept form page holds each visitor's own values: strings a rendered page
# cannot otherwise hold (templates escape "<" and nothing strips to a NUL).
CSRF_HOLE = "\x00<csrf-token>\x00"
FORM_TOKEN_HOLE = "\x00<form-token>\x00"  # noqa: S105 (a placeholder, no secret)
_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Intake:
    """What ``handle_submission`` decided: a response to return, or a form to show."""

    form: FeedbackForm | None = None
    response: HttpResponse | None = None


def handle_submission(request, *, policy=None):
    """Take a feedback form through every check and store it once; never lose it.

    GET (or any non-POST): ``Intake(form=<blank form>)``.
    POST refused by the CSRF check (``request.csrf_refused``): the form comes back
    with everything typed, nothing stored; it keeps its token only if that still
    verifies, so this is no way around the minimum time.
    Any other POST, in this order:

    1. The form's token names a submission already stored (a double click, a
       resend): store nothing; redirect to its confirmation if this session
       sent it, else to the neutral thank-you page (a copy of someone's page
       must not show what they sent).
    2. Honeypot filled: dropped quietly (counted in ``DroppedSubmission``,
       redirect to a neutral thank-you page without a reference). Sent faster
       than FEEDBACK_MIN_SECONDS after the form was first shown: counted, and
       the form comes back with everything typed, to be sent again.
    3. Token missing or altered (an old page, a changed secret key): the form
       comes back with everything typed and a fresh token, asking to send
       again; the minimum time starts again.
    4. Invalid: ``Intake(form=<bound form with errors>)``, everything kept.
    5. Over the rate limit: ``Intake(response=<429 page>)`` that shows the form
       with the person's text, ready to send again later.
    6. Otherwise it is committed to the database, the staff notification is
       sent after the commit (a failure is logged, the record stays), the
       reference and the time are remembered in this session only, and the
       response is a redirect to its confirmation page (Post/Redirect/Get).
    """
    if request.method != "POST":
        return Intake(form=FeedbackForm(policy=policy, topic=request.GET.get("topic")))
    if getattr(request, "csrf_refused", False):
        reason = _(
            "For your security this form needs to be sent again. Check what you wrote "
            "below and press “Send” again."
        )
        return Intake(form=form_given_back(request.POST, reason, policy=policy))

    form = FeedbackForm(request.POST, policy=policy)
    token = read_form_token(request.POST.get("form_token"))

    if token:
        stored = Feedback.objects.filter(submission_token=token.id).first()
        if stored:
            return Intake(response=_already_sent(request, stored))
    if request.POST.get("website"):
        return Intake(response=_drop(DroppedSubmission.Reason.HONEYPOT))
    if token and token.age() < settings.FEEDBACK_MIN_SECONDS:
        # Faster than a person types: most likely a bot, but a resident who pastes
        # a prepared comment must not lose it, so the form comes back to be sent
        # again. A bot gains nothing: it must still wait the minimum time.
        DroppedSubmission.record(DroppedSubmission.Reason.TOO_FAST)
        if not form.is_valid():
            return Intake(form=form)
        reason = _(
            "Your message has not been sent yet. Check what you wrote below and press “Send” again."
        )
        return Intake(form=form_given_back(request.POST, reason, policy=policy))
    if token is None:
        reason = _(
            "This form was open for too long or was changed on the way, so it was not "
            "sent. Check what you wrote below and press “Send” again."
        )
        return Intake(form=form_given_back(request.POST, reason, policy=policy))
    if not form.is_valid():
        return Intake(form=form)

    fingerprint = client_fingerprint(request)
    decision = count_submission(fingerprint)
    if not decision.allowed:
        DroppedSubmission.record(DroppedSubmission.Reason.RATE_LIMITED)
        logger.info("Feedback over the rate limit; the sender was asked to wait.")
        return Intake(response=_rate_limited(request, form, decision.retry_after))

    feedback = form.save(commit=False)
    feedback.client_hash = fingerprint
    feedback.page_language = current_language()
    feedback.submission_token = token.id
    try:
        feedback.save()
    except IntegrityError:
        # The same form sent twice at once: the other request stored it first.
        stored = Feedback.objects.filter(submission_token=token.id).first()
        if stored is None:
            raise
        return Intake(response=_already_sent(request, stored))
    admin_url = request.build_absolute_uri(
        reverse("admin:feedback_feedback_change", args=[feedback.pk])
    )
    transaction.on_commit(lambda: notify_staff(feedback, admin_url))
    _remember_sent(request, feedback.reference)
    return Intake(response=redirect("feedback:sent", reference=feedback.reference))


def form_given_back(data, reason, *, policy=None):
    """A form bound to ``data`` (a refused POST), with ``reason`` on top and nothing lost.

    The form keeps its token if that still verifies, else gets a fresh one
    (``token_for_form_given_back``), so giving a form back never lets it skip
    the minimum time.
    """
    data = data.copy()
    data["form_token"] = token_for_form_given_back(data.get("form_token"))
    form = FeedbackForm(data, policy=policy)
    form.is_valid()
    form.add_error(None, reason)
    return form


def when_sent_in_this_session(request, reference):
    """When this browser session sent the submission with ``reference``, or None if it did not."""
    for sent_reference, sent_at in _sent(request):
        if sent_reference == reference:
            return datetime.datetime.fromtimestamp(sent_at, tz=datetime.UTC)
    return None


def confirmation_shows_details(sent_at):
    """Whether a confirmation may still show what was sent, FEEDBACK_CONFIRMATION_SECONDS on.

    Afterwards it shows the reference only: the session lasts two weeks, and
    the next person at a shared computer should not read the message or email.
    """
    seconds = settings.FEEDBACK_CONFIRMATION_SECONDS
    return timezone.now() - sent_at < datetime.timedelta(seconds=seconds)


def notify_staff(feedback, admin_url):
    """Email FEEDBACK_NOTIFY_EMAILS about a new submission; log, never raise, on failure.

    The email holds no personal data and not the message: reviewers read those
    in the admin, behind their sign-in.
    """
    recipients = settings.FEEDBACK_NOTIFY_EMAILS
    if not recipients:
        logger.warning("Feedback %s stored; set FEEDBACK_NOTIFY_EMAILS to be told.", feedback)
        return
    # Staff read it in the site's language, whatever language the resident wrote in.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New feedback %(reference)s") % {"reference": feedback.reference}
        body = render_to_string(
            "feedback/notification_email.txt", {"feedback": feedback, "admin_url": admin_url}
        )
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Feedback %s is stored, but the staff email failed.", feedback)
        return
    Feedback.objects.filter(pk=feedback.pk).update(notified_at=timezone.now())


def _sent(request):
    """(reference, sent at as POSIX time) for each submission this session sent."""
    sent = []
    for entry in request.session.get(SESSION_KEY, []):
        if isinstance(entry, str):
            # A reference without its time: show the reference only, never the details.
            sent.append((entry, 0.0))
        elif isinstance(entry, list) and len(entry) == 2:
            sent.append((str(entry[0]), float(entry[1])))
    return sent


def _remember_sent(request, reference):
    sent = [[ref, at] for ref, at in _sent(request) if ref != reference]
    now = timezone.now().timestamp()
    request.session[SESSION_KEY] = [*sent, [reference, now]][-SESSION_KEEPS:]


def _already_sent(request, feedback):
    """Where a form sent again goes; it never adds the reference to this session.

    Only the session that sent it sees its confirmation (the time it was first
    sent is kept, so a resend does not show the details for longer). Anyone
    else holding a copy of the form goes to the neutral thank-you page.
    """
    if when_sent_in_this_session(request, feedback.reference) is None:
        return redirect("feedback:thanks")
    return redirect("feedback:sent", reference=feedback.reference)


def _drop(reason):
    DroppedSubmission.record(reason)
    logger.info("Feedback dropped quietly: %s.", reason)
    return redirect("feedback:thanks")


def _rate_limited(request, form, retry_after):
    minutes = max(1, -(-retry_after // 60))
    html = render_to_string(
        "feedback/rate_limited.html", {"form": form, "minutes": minutes}, request=request
    )
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def form_page(request, form, render):
    """The page showing ``form``, as ``render()`` gives it, kept whole when it can be.

    A blank form shown to a visitor who gets what everyone gets (no session, no
    messages: ``core.pagecache.visitor_may_share``) differs from everyone else's
    page only in its CSRF token and its form token. Such a page is kept per
    address, language and content version until time next changes a page
    (``core.fragments``), with holes where the two tokens go, and each visitor
    gets it with a CSRF token and a form token of their own. Anything else (a
    form sent back, a signed-in member of staff) is rendered every time.
    """
    if form is None or form.is_bound or not visitor_may_share(request):
        return render()
    rendered = None

    def build():
        nonlocal rendered
        rendered = render()
        if hasattr(rendered, "render"):  # a TemplateResponse
            rendered.render()
        page = rendered.content.decode()
        csrf_tokens = set(_CSRF_INPUT.findall(page))
        form_token = form.initial.get("form_token", "")
        if rendered.status_code != 200 or not csrf_tokens or form_token not in page:
            return None  # not the page this is for: never kept
        for token in csrf_tokens:
            page = page.replace(token, CSRF_HOLE)
        return page.replace(form_token, FORM_TOKEN_HOLE)

    page = cached("form-page", build, request.build_absolute_uri(), timed=True)
    if page is None:
        return rendered if rendered is not None else render()
    token = form.initial.get("form_token") or new_form_token()
    content = page.replace(CSRF_HOLE, get_token(request)).replace(FORM_TOKEN_HOLE, token)
    return HttpResponse(content)
