"""``manage.py backup``: the database and every upload, into a new folder under BACKUP_DIR."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup, remove_old


class Command(BaseCommand):
    """Write a backup (core/backups.py) and remove the oldest beyond BACKUP_KEEP."""

    help = (
        "Back up the database (pg_dump custom format, or SQLite's backup) and every upload "
        "into a new folder under BACKUP_DIR (or --to), then keep the newest BACKUP_KEEP."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", default=str(settings.BACKUP_DIR), help="The backups' folder.")
        parser.add_argument("--keep", type=int, default=settings.BACKUP_KEEP)

    def handle(self, *args, to, keep, **options):
        try:
            folder = backup(to)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up the database and uploads to {folder}")
        for old in remove_old(to, keep):
            self.stdout.write(f"Removed the older backup {old}")
