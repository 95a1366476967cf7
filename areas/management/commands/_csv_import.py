"""What the two CSV import commands share: reading the file and reporting problems."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from areas.imports import ImportFailed


class CSVImportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file, UTF-8, with the column names on line 1.")

    def show_progress(self, message):
        if self.verbosity >= 1:
            self.stdout.write(message)

    def make_import(self, options):
        raise NotImplementedError

    def handle(self, *args, file, **options):
        self.verbosity = options["verbosity"]
        importer = self.make_import(options)
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            result = importer.run(data)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(f"{file}: {problem}")
            count = len(failure.problems)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} found; nothing was imported. "
                "Fix the file and run the command again."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Imported {file}: {result}"))
