"""Import decree paragraphs from a CSV file."""

from areas.imports import ParagraphImport

from ._csv_import import CSVImportCommand


class Command(CSVImportCommand):
    """Import decree paragraphs from a CSV file."""

    help = (
        "Import decree paragraphs from a CSV file with the columns number, area "
        "(slug or title), and optionally title and text. Checks every row first and "
        "writes nothing if any row has a problem; a second import of the same file "
        "changes nothing."
    )

    def make_import(self, options):
        return ParagraphImport(progress=self.show_progress)
