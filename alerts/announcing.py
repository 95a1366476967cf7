"""Queueing: when an item becomes public, one email per matching subscriber goes in the queue.

Two ways in, both ending in ``announce``:

- **Publishing.** A save of a source's model is watched: if the save made the
  item due (it was not before and is now, in the source's own terms), the
  item is announced once the transaction commits, with the areas and drafts
  the admin saved with it.
- **Time.** ``queue_due_alerts``, run by the sender, asks each source for the
  items whose own time came since its last run (a scheduled post, a window
  opening on its first day, a reminder day), so a scheduled post is announced
  when it becomes public, not when it is saved.

``announce`` records each (source, item) once, ever (a database constraint),
so an item published, unpublished and published again is announced once, and
a watched save and a run of the sender racing for the same item cannot both
queue it. Items public before the alerts were installed are never announced:
they neither change state nor have their time come.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from .models import Alert, Delivery, SenderState, Subscription
from .sources import sources, sources_of

logger = logging.getLogger(__name__)


def announce(source, item, *, now=None):
    """Record ``item`` as announced by ``source`` and queue its emails; the Alert, or None.

    None when it was announced before, or when it ``follows`` a source that
    never announced it. Subscribers are those confirmed now whose topics
    include the source's and whose areas (if they chose any) meet the item's.
    """
    now = now or timezone.now()
    if Alert.objects.filter(source=source.key, object_id=item.pk).exists():
        return None
    if source.follows and not (
        Alert.objects.filter(source=source.follows, object_id=item.pk).exists()
    ):
        return None
    quiet = False
    if source.quiet_after:
        earlier_key, span = source.quiet_after
        quiet = Alert.objects.filter(
            source=earlier_key, object_id=item.pk, created__gt=now - span
        ).exists()
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                source=source.key,
                topic=source.topic,
                object_id=item.pk,
                title=str(item)[:300],
                created=now,
                quiet=quiet,
            )
            if not quiet:
                recipients = matching_subscriptions(source, item)
                Delivery.objects.bulk_create(
                    (
                        Delivery(alert=alert, subscription_id=pk, next_attempt_at=now)
                        for pk in recipients
                    ),
                    batch_size=500,
                )
                alert.recipients = len(recipients)
                alert.save(update_fields=["recipients"])
    except IntegrityError:
        # Another process announced it at the same moment.
        return None
    logger.log(
        logging.INFO if alert.recipients else logging.DEBUG,
        "Announced %s %s (%s): %d emails queued.",
        source.key,
        item.pk,
        alert.title,
        alert.recipients,
    )
    return alert


def matching_subscriptions(source, item):
    """Ids of the confirmed subscriptions that want to hear about ``item``, in order.

    A source that ``follows`` another reaches only those the first email was for
    (a cancellation goes to those told about the event).
    """
    subscriptions = Subscription.objects.confirmed()
    if source.follows:
        subscriptions = subscriptions.filter(
            deliveries__alert__source=source.follows, deliveries__alert__object_id=item.pk
        )
    area_ids = list(source.areas(item)) if source.areas else []
    if area_ids:
        # Items of no area concern the whole decree, and reach everyone.
        subscriptions = subscriptions.filter(Q(areas__isnull=True) | Q(areas__in=area_ids))
    return sorted(
        {pk for pk, topics in subscriptions.values_list("pk", "topics") if source.topic in topics}
    )


def queue_due_alerts(now=None):
    """Announce what became due by its own time since the last run; how many were announced.

    The first run on a new database starts from now: what came before it is
    not news to anyone subscribed today.
    """
    now = now or timezone.now()
    announced = 0
    with transaction.atomic():
        state, _ = SenderState.objects.select_for_update().get_or_create(
            pk=1, defaults={"scanned_until": now}
        )
        start = state.scanned_until
        if start >= now:
            return 0
        for source in sources():
            if source.became_due is None:
                continue
            for item in source.became_due(start, now):
                if announce(source, item, now=now):
                    announced += 1
        state.scanned_until = now
        state.save(update_fields=["scanned_until"])
    return announced


# Watching saves ------------------------------------------------------------


def watch_sources():
    """Watch saves of every model a source announces (called once, when the app is ready)."""
    for model in {source.model for source in sources()}:
        label = model._meta.label_lower
        pre_save.connect(_note_what_was_due, sender=model, dispatch_uid=f"alerts-before-{label}")
        post_save.connect(_announce_after_save, sender=model, dispatch_uid=f"alerts-after-{label}")


def _due_now(source, pk, now):
    return source.due(now).filter(pk=pk).first()


def _note_what_was_due(sender, instance, raw=False, **kwargs):
    """Before a save: which of the model's sources already had this item due."""
    if raw or instance._state.adding or instance.pk is None:
        instance._alerts_due_before = frozenset()
        return
    now = timezone.now()
    instance._alerts_due_before = frozenset(
        source.key
        for source in sources_of(sender)
        if source.due(now).filter(pk=instance.pk).exists()
    )


def _announce_after_save(sender, instance, raw=False, **kwargs):
    """After a save: once it commits, announce the item to every source it became due for."""
    if raw:
        return
    due_before = getattr(instance, "_alerts_due_before", frozenset())
    pk = instance.pk
    transaction.on_commit(lambda: announce_if_published(sender, pk, due_before))


def announce_if_published(model, pk, due_before=frozenset()):
    """Announce item ``pk`` of ``model`` for each source it is due for and was not before."""
    now = timezone.now()
    for source in sources_of(model):
        if source.key in due_before:
            continue
        try:
            item = _due_now(source, pk, now)
            if item is not None:
                announce(source, item, now=now)
        except Exception:
            # The save itself has succeeded; a failure here must not turn it into an error
            # page. The item stays unannounced, and the log says so.
            logger.exception("Could not queue the alerts of %s %s.", source.key, pk)
