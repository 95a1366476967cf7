"""Delete addresses nobody confirmed, and forget old deliveries; run it daily."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from alerts.models import Delivery, Subscription


class Command(BaseCommand):
    """Delete unconfirmed subscriptions older than the confirmation link, and old deliveries."""

    help = (
        "Delete addresses not confirmed within ALERTS_CONFIRM_DAYS, and the record of which "
        "alert went to whom after ALERTS_DELIVERY_LOG_DAYS (the counts per alert stay)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    @transaction.atomic
    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        # Counted from the latest confirmation email, whose link still works until then.
        cutoff = now - datetime.timedelta(days=settings.ALERTS_CONFIRM_DAYS)
        unconfirmed = Subscription.objects.unconfirmed().filter(
            Q(emailed_at__lt=cutoff) | Q(emailed_at__isnull=True, created__lt=cutoff)
        )
        finished = Delivery.objects.exclude(status=Delivery.Status.PENDING).filter(
            finished_at__lt=now - datetime.timedelta(days=settings.ALERTS_DELIVERY_LOG_DAYS)
        )
        addresses, records = unconfirmed.count(), finished.count()
        if not dry_run:
            unconfirmed.delete()
            finished.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {addresses} unconfirmed addresses and {records} old delivery records."
        )
