"""The sender: takes queued emails one at a time, sends each once, retries failures later.

Why not django-mailer: it queues finished messages, so an email would still go
out after its subscriber unsubscribed or the item was unpublished, its log keeps
every address after an unsubscribe, and its retries have no backoff. Here the
queue is one ``Delivery`` row per alert and subscriber, rendered only when it
is sent (in the subscriber's language of the day, about an item still public),
and deleted with the subscription.

**Never twice.** On PostgreSQL each email is claimed with
``SELECT … FOR UPDATE SKIP LOCKED`` in its own transaction, which stays open
while it is sent and is committed as sent: another sender running at the same
time skips that row and takes the next. SQLite has no row locks, so there one
sender runs at a time, holding an exclusive lock on ``ALERTS_LOCK_FILE``; a
second one finds it taken and stops (``SenderBusy``). If the process dies
after the mail server took an email but before the commit, that one email is
sent again on the next run: no one can promise better over SMTP.

**Failures.** A failed email is tried again after ALERTS_RETRY_SECONDS, then
twice as long each time, until ALERTS_MAX_ATTEMPTS; the error is kept on the
delivery and counted on its alert. An address the mail server refuses is not
tried again.

**No longer relevant.** An email about an item that is no longer public waits
(it may be republished) and is withdrawn after HOLD_FOR; one for a topic its
subscriber has since switched off, or a cancellation of an event whose
announcement never reached them, is withdrawn at once.
"""

import contextlib
import datetime
import fcntl
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from .emails import alert_email
from .models import Alert, Delivery
from .sources import source as source_by_key

logger = logging.getLogger(__name__)

# How long emails about an item hidden again wait for it to come back.
HOLD_FOR = datetime.timedelta(days=3)
# How often they look again meanwhile.
HOLD_STEP = datetime.timedelta(minutes=15)
LONGEST_WAIT = datetime.timedelta(days=1)


class SenderBusy(Exception):
    """Another sender holds the lock (SQLite only)."""


@dataclass
class Report:
    """What one run of the sender did."""

    sent: int = 0
    failed: int = 0
    retrying: int = 0
    withdrawn: int = 0
    held: int = 0
    errors: list = field(default_factory=list)


def rows_lock_themselves():
    """Whether the database can skip rows another sender has locked (PostgreSQL can)."""
    return connection.features.has_select_for_update_skip_locked


@contextlib.contextmanager
def one_sender_at_a_time():
    """On a database without row locks, hold the lock file for the run, or raise SenderBusy."""
    if rows_lock_themselves():
        yield
        return
    path = settings.ALERTS_LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise SenderBusy(str(path)) from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def retry_delay(attempts):
    """ALERTS_RETRY_SECONDS after the first failure, doubling each time, at most a day."""
    seconds = settings.ALERTS_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return min(datetime.timedelta(seconds=seconds), LONGEST_WAIT)


def _pending(now):
    return Delivery.objects.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now)


def _claim_next(now):
    """The next email due, locked for this sender (None when the queue is empty)."""
    pending = (
        _pending(now).select_related("alert", "subscription").order_by("next_attempt_at", "pk")
    )
    if rows_lock_themselves():
        pending = pending.select_for_update(skip_locked=True, of=("self",))
    return pending.first()


def _unlocked_pending_of(alert, now):
    """Ids of the alert's waiting emails that no other sender holds right now."""
    pending = _pending(now).filter(alert=alert)
    if rows_lock_themselves():
        pending = pending.select_for_update(skip_locked=True)
    return list(pending.values_list("pk", flat=True))


class Sender:
    """One run: sends up to ``limit`` emails through one mail connection."""

    def __init__(self, *, limit, now=None, mail_connection=None):
        self.limit = limit
        self.now = now or timezone.now()
        self.mail = mail_connection or get_connection()
        self.items = {}  # alert id → the item, while it is still due, or None
        self.report = Report()

    def run(self):
        with one_sender_at_a_time():
            self.connect()
            try:
                while self.report.sent + self.report.failed + self.report.retrying < self.limit:
                    with transaction.atomic():
                        delivery = _claim_next(self.now)
                        if delivery is None:
                            break
                        self.handle(delivery)
            finally:
                self.mail.close()
        return self.report

    def connect(self):
        """Open one mail connection for the run; if the server is down, each email says so."""
        with contextlib.suppress(Exception):
            self.mail.open()

    def item_for(self, alert):
        """The alert's item if it is still due; None otherwise (asked once per run)."""
        if alert.pk not in self.items:
            source = source_by_key(alert.source)
            item = None
            if source is not None:
                item = source.due(self.now).filter(pk=alert.object_id).first()
            self.items[alert.pk] = (source, item)
        return self.items[alert.pk]

    def handle(self, delivery):
        alert, subscription = delivery.alert, delivery.subscription
        source, item = self.item_for(alert)
        if item is None:
            self.hold_or_withdraw(alert, source)
            return
        if alert.topic not in subscription.topics or not self.heard_first(source, delivery):
            self.finish(delivery, Delivery.Status.WITHDRAWN)
            self.report.withdrawn += 1
            return
        try:
            alert_email(subscription, source, item, connection=self.mail).send()
        except Exception as error:
            self.failed(delivery, error)
            return
        self.finish(delivery, Delivery.Status.SENT)
        Alert.objects.filter(pk=alert.pk).update(sent=F("sent") + 1)
        self.report.sent += 1

    def heard_first(self, source, delivery):
        """For a source that ``follows`` another: whether that first email reached this person.

        Someone whose announcement never went out (the event was cancelled before
        the sender ran) is not told of a cancellation of something they never heard of.
        """
        if not source.follows:
            return True
        return Delivery.objects.filter(
            alert__source=source.follows,
            alert__object_id=delivery.alert.object_id,
            subscription_id=delivery.subscription_id,
            status=Delivery.Status.SENT,
        ).exists()

    def hold_or_withdraw(self, alert, source):
        """The item is not public now: its emails wait for it, or give up after HOLD_FOR."""
        waiting = _unlocked_pending_of(alert, self.now)
        gone = (
            source is None or not source.model._default_manager.filter(pk=alert.object_id).exists()
        )
        if gone or self.now - alert.created > HOLD_FOR:
            Delivery.objects.filter(pk__in=waiting).update(
                status=Delivery.Status.WITHDRAWN, finished_at=self.now
            )
            self.report.withdrawn += len(waiting)
        else:
            Delivery.objects.filter(pk__in=waiting).update(next_attempt_at=self.now + HOLD_STEP)
            self.report.held += len(waiting)

    def failed(self, delivery, error):
        # The connection may be broken: start a new one for the next email.
        with contextlib.suppress(Exception):
            self.mail.close()
        self.connect()
        delivery.attempts += 1
        delivery.last_error = f"{type(error).__name__}: {error}"[:500]
        refused = isinstance(error, smtplib.SMTPRecipientsRefused)
        logger.warning(
            "Alert email %s failed (attempt %d): %s", delivery.pk, delivery.attempts, error
        )
        if refused or delivery.attempts >= settings.ALERTS_MAX_ATTEMPTS:
            self.finish(delivery, Delivery.Status.FAILED)
            Alert.objects.filter(pk=delivery.alert_id).update(failed=F("failed") + 1)
            self.report.failed += 1
        else:
            delivery.next_attempt_at = self.now + retry_delay(delivery.attempts)
            delivery.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            self.report.retrying += 1
        self.report.errors.append(delivery.last_error)

    def finish(self, delivery, status):
        delivery.status = status
        delivery.finished_at = timezone.now()
        delivery.save(update_fields=["status", "finished_at", "attempts", "last_error"])


def send_pending(*, limit=None, now=None, mail_connection=None):
    """Send up to ``limit`` (ALERTS_SEND_LIMIT) waiting emails; a Report of what happened."""
    limit = settings.ALERTS_SEND_LIMIT if limit is None else limit
    return Sender(limit=limit, now=now, mail_connection=mail_connection).run()
