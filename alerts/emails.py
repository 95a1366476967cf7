"""The emails the alerts send, each as plain text and accessible HTML, in the subscriber's language.

Every email that goes to a subscriber carries the one-click unsubscribe headers
of RFC 8058 (``List-Unsubscribe`` with the link, ``List-Unsubscribe-Post``), so
mail programs can offer an “Unsubscribe” button, and the same links in its text.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.models import SiteSettings

from .links import absolute_url, confirm_url, preferences_url, unsubscribe_url
from .sources import topic_label, topics


def unsubscribe_headers(url):
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        # RFC 3834: an automatic message, so out-of-office replies stay away.
        "Auto-Submitted": "auto-generated",
    }


def _email(subject, template, context, to, *, headers=None, connection=None):
    text = render_to_string(f"alerts/email/{template}.txt", context)
    html = render_to_string(f"alerts/email/{template}.html", context)
    email = EmailMultiAlternatives(
        " ".join(str(subject).split()),  # a header holds one line
        text,
        settings.ALERTS_FROM_EMAIL,
        [to],
        headers=headers,
        connection=connection,
    )
    email.attach_alternative(html, "text/html")
    return email


def _base_context(subscription):
    return {"site": SiteSettings.load(), "language": subscription.language}


def alert_email(subscription, source, item, *, connection=None):
    """The email announcing ``item`` (through ``source``) to ``subscription``."""
    with translation.override(subscription.language):
        message = source.message(item)
        unsubscribe = unsubscribe_url(subscription)
        context = {
            **_base_context(subscription),
            "message": message,
            "url": absolute_url(message.path),
            "topic": topic_label(source.topic),
            "preferences_url": preferences_url(subscription),
            "unsubscribe_url": unsubscribe,
        }
        return _email(
            message.subject,
            "alert",
            context,
            subscription.email,
            headers=unsubscribe_headers(unsubscribe),
            connection=connection,
        )


def choices_in_words(subscription):
    """(topic labels, area titles) a subscription asked for, as its owner will read them."""
    labels = [str(topic.label) for topic in topics() if topic.key in subscription.topics]
    return labels, [area.title for area in subscription.areas.all()]


def confirmation_email(subscription, request=None):
    """The one email an unconfirmed address gets: the link to confirm, with what was asked."""
    with translation.override(subscription.language):
        chosen_topics, chosen_areas = choices_in_words(subscription)
        context = {
            **_base_context(subscription),
            "confirm_url": confirm_url(subscription, request),
            "subscribe_url": absolute_url(reverse("alerts:subscribe"), request),
            "days": settings.ALERTS_CONFIRM_DAYS,
            "topics": chosen_topics,
            "areas": chosen_areas,
        }
        subject = _("Confirm your email alerts from %(site)s") % {"site": context["site"].site_name}
        return _email(subject, "confirm", context, subscription.email)


def already_subscribed_email(subscription, request=None):
    """What a confirmed address gets when someone asks to subscribe it again."""
    with translation.override(subscription.language):
        unsubscribe = unsubscribe_url(subscription, request)
        chosen_topics, chosen_areas = choices_in_words(subscription)
        context = {
            **_base_context(subscription),
            "preferences_url": preferences_url(subscription, request),
            "unsubscribe_url": unsubscribe,
            "topics": chosen_topics,
            "areas": chosen_areas,
        }
        subject = _("Your email alerts from %(site)s") % {"site": context["site"].site_name}
        return _email(
            subject,
            "already_subscribed",
            context,
            subscription.email,
            headers=unsubscribe_headers(unsubscribe),
        )
