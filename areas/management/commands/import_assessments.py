"""Import one monitoring report's per-paragraph ratings from a CSV file."""

from django.core.management.base import CommandError

from areas.imports import AssessmentImport
from areas.models import MonitoringReport

from ._csv_import import CSVImportCommand


class Command(CSVImportCommand):
    """Import one report's ratings from a CSV file."""

    help = (
        "Import a monitoring report's ratings from a CSV file with the columns "
        "paragraph, level, and optionally note. Checks every row first and writes "
        "nothing if any row has a problem; a second import of the same file changes "
        "nothing."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--report",
            required=True,
            help="The report's title (or short title), such as “Independent Monitoring Report 11”.",
        )

    def make_import(self, options):
        name = options["report"].strip()
        report = (
            MonitoringReport.objects.filter(title__iexact=name).first()
            or MonitoringReport.objects.filter(short_title__iexact=name).first()
        )
        if report is None:
            known = "\n".join(
                f"  {title}" for title in MonitoringReport.objects.values_list("title", flat=True)
            )
            raise CommandError(
                f"No monitoring report is called “{name}”. Add it in the admin first, "
                f"or use one of these titles:\n{known or '  (there are no reports yet)'}"
            )
        return AssessmentImport(report, progress=self.show_progress)
