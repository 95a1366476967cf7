"""Queue what became due since the last run, then send waiting alert emails; run it every few minutes."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alerts.announcing import queue_due_alerts
from alerts.sending import SenderBusy, send_pending


class Command(BaseCommand):
    """Announce items whose time came (scheduled posts, windows opening), then send a batch."""

    help = (
        "Queue alerts for items that became public since the last run (scheduled posts, "
        "comment windows opening, reminders), then send up to ALERTS_SEND_LIMIT waiting emails "
        "with retries. Safe to run from cron or a timer every few minutes: two runs at once "
        "never send the same email twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=None,
            help="Send at most this many emails in this run (default: ALERTS_SEND_LIMIT).",
        )
        parser.add_argument(
            "--queue-only",
            action="store_true",
            help="Queue what became due, and send nothing.",
        )

    def handle(self, *args, limit=None, queue_only=False, **options):
        if not settings.SITE_URL:
            raise CommandError(
                "Set SITE_URL to the site's public address (such as https://reform.example.org): "
                "the links in alert emails are made from it."
            )
        announced = queue_due_alerts()
        if queue_only:
            self.stdout.write(f"{announced} items announced; nothing sent (--queue-only).")
            return
        try:
            report = send_pending(limit=limit)
        except SenderBusy as busy:
            self.stdout.write(f"Another send_alerts is running ({busy}); nothing sent this time.")
            return
        self.stdout.write(
            f"{announced} items announced. Emails: {report.sent} sent, {report.retrying} to retry, "
            f"{report.failed} failed, {report.withdrawn} withdrawn, {report.held} waiting for "
            "their item to be public again."
        )
        if report.failed or report.retrying:
            self.stderr.write("Errors: " + "; ".join(sorted(set(report.errors))))
