"""Remove personal data from older feedback, keeping what statistics need."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from feedback.models import Feedback


class Command(BaseCommand):
    """Remove names, emails, ZIP codes and address hashes from old feedback."""

    help = (
        "Remove names, email addresses, ZIP codes and address hashes from feedback "
        "older than DAYS days. The message, topic, policy, status and dates are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="DAYS",
            default=None,
            help="Age in days (default: the FEEDBACK_PERSONAL_DATA_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be purged."
        )

    def handle(self, *args, older_than=None, dry_run=False, **options):
        days = settings.FEEDBACK_PERSONAL_DATA_DAYS if older_than is None else older_than
        if days < 0:
            raise CommandError("--older-than must be zero or more days.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        older = Feedback.objects.with_personal_data_older_than(cutoff)
        if dry_run:
            count = older.count()
            self.stdout.write(
                f"{submissions(count)} older than {days} days hold personal data; none changed."
            )
            return
        count = older.purge_personal_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed personal data from {submissions(count)} older than {days} days."
            )
        )


def submissions(count):
    return f"{count} submission" if count == 1 else f"{count} submissions"
