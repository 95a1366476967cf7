"""The signed links in alert emails: confirm (expires), preferences and unsubscribe (do not).

Each link carries the subscription's random key, signed with SECRET_KEY and a
salt of its own, so a link cannot be guessed or turned into another kind, and
links of a deleted subscription lead nowhere (a new subscription of the same
address gets a new key). Emails are read later and elsewhere: every address in
them is whole (``SITE_URL``) and made with reverse() in the subscriber's
language, so it opens the site in that language.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"


def confirm_max_age():
    return datetime.timedelta(days=settings.ALERTS_CONFIRM_DAYS)


def confirm_token(subscription):
    return signing.dumps(subscription.key, salt=CONFIRM_SALT)


def manage_token(subscription):
    return signing.dumps(subscription.key, salt=MANAGE_SALT)


class LinkExpired(Exception):
    """A confirmation link older than ALERTS_CONFIRM_DAYS."""


def key_from_confirm_token(token):
    """The subscription key in a confirmation link; LinkExpired, or None if it was altered."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return None


def key_from_manage_token(token):
    """The subscription key in a preferences or unsubscribe link, or None if it was altered."""
    try:
        return signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None


def absolute_url(path, request=None):
    """``path`` as a whole address: on SITE_URL, or on the host of ``request`` without it."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/") + path
    if request is not None:
        return request.build_absolute_uri(path)
    raise ImproperlyConfigured(
        "Set SITE_URL to the site's address (such as https://reform.example.org): alert "
        "emails need whole links."
    )


def confirm_url(subscription, request=None):
    return absolute_url(reverse("alerts:confirm", args=[confirm_token(subscription)]), request)


def preferences_url(subscription, request=None):
    return absolute_url(reverse("alerts:preferences", args=[manage_token(subscription)]), request)


def unsubscribe_url(subscription, request=None):
    return absolute_url(reverse("alerts:unsubscribe", args=[manage_token(subscription)]), request)
