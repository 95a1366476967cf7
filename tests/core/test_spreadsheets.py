"""Open data opens safely in a spreadsheet: text never runs as a formula."""

import csv
import io

import pytest

from tests.areas.factories import MonitoringReportFactory
from tests.comparisons.factories import ConsentDecreeFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://example.org","click")'


def rows(response):
    return list(
        csv.reader(
            io.StringIO(
                b"".join(response).decode() if response.streaming else response.content.decode()
            )
        )
    )


def test_progress_csv_defuses_formulas_in_text_but_keeps_numbers(client):
    MonitoringReportFactory(notes=FORMULA, figures_as="count", paragraphs_assessed=500, full=20)
    table = rows(client.get("/progress/data.csv"))
    header, row = table[0], table[1]
    assert row[header.index("notes")] == "'" + FORMULA
    assert row[header.index("full")] == "20"


def test_comparisons_csv_defuses_formulas(client):
    ConsentDecreeFactory(monitor="+cmd|' /C calc'!A0", paragraph_count=300)
    table = rows(client.get("/comparisons/data.csv"))
    header, row = table[0], table[1]
    assert row[header.index("monitor")].startswith("'+cmd")
    assert row[header.index("paragraph_count")] == "300"
