"""Subscriptions, the items announced, and one queued email per item and subscriber.

An address is kept only to send the alerts its owner chose: until it is
confirmed it gets nothing but the confirmation email, and it is deleted if
never confirmed (``purge_alert_subscriptions``); an unsubscribe deletes it
with everything queued for it.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MANAGERS_GROUP = "Alert managers"


def new_key():
    """The random part of a subscriber's links; a new subscription gets a new one."""
    return secrets.token_urlsafe(16)


class SubscriptionQuerySet(models.QuerySet):
    """Which subscriptions receive alerts."""

    def confirmed(self):
        """Addresses whose owner followed the confirmation link: the only ones we email alerts."""
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)


class Subscription(models.Model):
    """An email address, what its owner wants to hear about, and in which language."""

    # No public page shows subscriptions, alerts or the queue: their saves must not
    # empty the page cache (core.content_version).
    affects_public_pages = False

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(_("language of the emails"), max_length=10)
    topics = models.JSONField(
        default=list, blank=True, help_text=_("The keys of the topics chosen.")
    )
    areas = models.ManyToManyField(
        "areas.Area",
        blank=True,
        related_name="+",
        verbose_name=_("only these areas"),
        help_text=_("None: every area."),
    )
    key = models.CharField(max_length=43, unique=True, default=new_key, editable=False)
    created = models.DateTimeField(_("asked for"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The last confirmation (or "you are already subscribed") email: another is
    # not sent sooner than RESEND_AFTER, so nobody can flood an inbox through the form.
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.email


class Alert(models.Model):
    """One item announced by one source (a draft opening, a post): recorded once, ever.

    ``quiet`` marks an announcement counted as made without emails (a reminder
    too close to the first email). The counts stay when old deliveries are purged.
    """

    affects_public_pages = False

    source = models.CharField(max_length=60)
    topic = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    created = models.DateTimeField(_("announced"), default=timezone.now, db_index=True)
    quiet = models.BooleanField(default=False)
    recipients = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id"], name="alert_once_per_item")
        ]

    def __str__(self):
        return self.title


class Delivery(models.Model):
    """One email to send: one alert to one subscriber, with its attempts."""

    affects_public_pages = False

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        WITHDRAWN = "withdrawn", _("Not sent: no longer relevant")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["next_attempt_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "subscription"], name="one_email_per_alert_and_subscriber"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_queue")]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.alert} → {self.subscription_id}"


class SenderState(models.Model):
    """One row: the moment up to which the sender has looked for items whose time came."""

    affects_public_pages = False

    scanned_until = models.DateTimeField()

    def __str__(self):
        return f"{self.scanned_until:%Y-%m-%d %H:%M}"
