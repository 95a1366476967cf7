"""Subscribing, confirming, changing preferences and unsubscribing, all without an account.

The subscription form answers the same way whatever the address: a new
address gets the confirmation link, an unconfirmed one gets it again, a
confirmed one gets a link to its preferences. So the form never tells anyone
whether an address is subscribed; only its inbox learns that.
"""

import datetime
import logging

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.views import gives_back_refused_forms
from feedback.abuse import (
    client_fingerprint,
    count_submission,
    read_form_token,
    token_for_form_given_back,
)

from .emails import already_subscribed_email, confirmation_email
from .forms import PreferencesForm, SubscribeForm
from .links import LinkExpired, key_from_confirm_token, key_from_manage_token, manage_token
from .models import Subscription

logger = logging.getLogger(__name__)


def _form_given_back(data, reason):
    """The form with what was typed and ``reason`` on top; its token kept only if it verifies."""
    data = data.copy()
    data["form_token"] = token_for_form_given_back(data.get("form_token"))
    form = SubscribeForm(data)
    form.is_valid()
    form.add_error(None, reason)
    return form


def _page(request, form, status=200, **context):
    context.update(form=form, confirm_days=settings.ALERTS_CONFIRM_DAYS)
    return render(request, "alerts/subscribe.html", context, status=status)


@gives_back_refused_forms
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """The form; a POST goes through the feedback form's abuse checks, then emails the address."""
    if request.method != "POST":
        return _page(request, SubscribeForm())
    if getattr(request, "csrf_refused", False):
        reason = _(
            "For your security this form needs to be sent again. Check your choices below and "
            "press “Subscribe” again."
        )
        return _page(request, _form_given_back(request.POST, reason), status=403)
    if request.POST.get("website"):
        logger.info("Alert subscription dropped quietly: honeypot filled.")
        return redirect("alerts:check_email")
    token = read_form_token(request.POST.get("form_token"))
    form = SubscribeForm(request.POST)
    if token is None:
        reason = _(
            "This form was open for too long or was changed on the way, so it was not sent. "
            "Check your choices below and press “Subscribe” again."
        )
        return _page(request, _form_given_back(request.POST, reason))
    if token.age() < settings.FEEDBACK_MIN_SECONDS:
        # Faster than a person fills a form: most likely a bot, but a person who
        # pressed twice gets the form back, to send again.
        if not form.is_valid():
            return _page(request, form)
        reason = _(
            "Your request has not been sent yet. Check your choices and press “Subscribe” again."
        )
        return _page(request, _form_given_back(request.POST, reason))
    if not form.is_valid():
        return _page(request, form)
    # Counted apart from feedback, with the same limit.
    decision = count_submission(f"alerts:{client_fingerprint(request)}")
    if not decision.allowed:
        minutes = max(1, -(-decision.retry_after // 60))
        response = _page(request, form, status=429, rate_limited_minutes=minutes)
        response["Retry-After"] = str(decision.retry_after)
        return response
    ask_to_subscribe(form, request)
    return redirect("alerts:check_email")


# Another email to the same address is not sent sooner than this, however often
# someone fills in the form with it.
RESEND_AFTER = datetime.timedelta(minutes=10)


def ask_to_subscribe(form, request):
    """Store the request and email the address: the link to confirm, or to its preferences."""
    data = form.cleaned_data
    now = timezone.now()
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=data["email"], defaults={"language": data["language"], "topics": data["topics"]}
        )
        if not created and subscription.emailed_at and now - subscription.emailed_at < RESEND_AFTER:
            logger.info("Alert subscription request for a recently emailed address: not emailed.")
            return
        if subscription.confirmed_at is None:
            # Unconfirmed choices are the latest asked for; the email shows them.
            form.save_to(subscription)
            make_email = confirmation_email
        else:
            # A confirmed subscriber's choices change only through their own link.
            make_email = already_subscribed_email
        subscription.emailed_at = now
        subscription.save(update_fields=["emailed_at"])
        transaction.on_commit(lambda: _send(make_email(subscription, request)))


def _send(email):
    try:
        email.send()
    except Exception:
        logger.exception("The alert subscription email could not be sent.")


@never_cache
def check_email(request):
    """The same page after every request to subscribe, whatever the address."""
    return render(request, "alerts/check_email.html", {"days": settings.ALERTS_CONFIRM_DAYS})


def _subscription_for(key):
    return Subscription.objects.filter(key=key).first() if key else None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button; POST confirms. (Mail scanners follow links; they do not press buttons.)"""
    try:
        key = key_from_confirm_token(token)
    except LinkExpired:
        return render(
            request,
            "alerts/link_problem.html",
            {"expired": True, "days": settings.ALERTS_CONFIRM_DAYS},
            status=410,
        )
    subscription = _subscription_for(key)
    if subscription is None:
        return render(request, "alerts/link_problem.html", status=404)
    if request.method == "POST":
        if subscription.confirmed_at is None:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
            messages.success(
                request, _("You are subscribed. Your first alert comes with the next news.")
            )
        return redirect("alerts:preferences", token=manage_token(subscription))
    return render(
        request,
        "alerts/confirm.html",
        {"subscription": subscription, "already": subscription.confirmed_at is not None},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """A subscriber's choices, through the signed link in every email."""
    subscription = _subscription_for(key_from_manage_token(token))
    if subscription is None or subscription.confirmed_at is None:
        return render(request, "alerts/link_problem.html", status=404)
    if request.method == "POST":
        form = PreferencesForm(request.POST, subscription=subscription)
        if form.is_valid():
            form.save_to(subscription)
            messages.success(request, _("Your choices are saved."))
            return redirect("alerts:preferences", token=token)
    else:
        form = PreferencesForm(subscription=subscription)
    context = {"form": form, "subscription": subscription, "token": token}
    return render(request, "alerts/preferences.html", context)


# Mail programs send the one-click unsubscribe (RFC 8058) as a bare POST, with no
# cookie or CSRF token: the signed link is the proof. Deleting a subscription is
# all it can do, so it needs no further protection.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm with a button; POST deletes the subscription (again: no harm)."""
    key = key_from_manage_token(token)
    if key is None:
        return render(request, "alerts/link_problem.html", status=404)
    if request.method == "POST":
        deleted, _counts = Subscription.objects.filter(key=key).delete()
        if deleted:
            logger.info("An alert subscription was deleted by its unsubscribe link.")
        return render(request, "alerts/unsubscribed.html")
    subscription = _subscription_for(key)
    return render(request, "alerts/unsubscribe.html", {"subscription": subscription})
