"""``manage.py restore FOLDER``: put a backup back into the database and uploads storage."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backups import BackupError, restore


class Command(BaseCommand):
    """Restore a backup made by ``manage.py backup`` (core/backups.py)."""

    help = (
        "Restore a backup folder into the database and the uploads storage the settings name, "
        "replacing what is there. Best into a new, empty database and storage."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by `manage.py backup`.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask first."
        )

    def handle(self, *args, folder, interactive, **options):
        name = connection.settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces the database {name} and the uploads with the backup in "
                f"{folder}. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest, count = restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the database {name} and {count} uploads from the backup made "
            f"{manifest['created']}."
        )
