"""The CSV and JSON downloads parse, keep their documented columns, and match the database."""

import csv
import io
import json

import pytest
from django.urls import reverse

from areas.models import ComplianceAssessment, Level
from areas.opendata import RATINGS_COLUMNS, SUMMARY_COLUMNS
from tests.areas.factories import (
    ComplianceAssessmentFactory,
    MonitoringReportFactory,
    ParagraphFactory,
)
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

# The documented columns (README.md): a change here breaks other people's work.
DOCUMENTED_SUMMARY = [
    "area",
    "report",
    "short_title",
    "period_start",
    "period_end",
    "filed",
    "figures_from",
    "figures_as",
    "paragraphs_assessed",
    "preliminary",
    "secondary",
    "full",
    "not_in_compliance",
    "not_assessed",
    "preliminary_percent",
    "secondary_percent",
    "full_percent",
    "source",
    "confidence",
    "notes",
    "report_link",
]
DOCUMENTED_RATINGS = [
    "paragraph",
    "paragraph_title",
    "area",
    "report",
    "period_start",
    "period_end",
    "level",
    "note",
]


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return (response.getvalue() if response.streaming else response.content).decode()


def csv_rows(client, url):
    return list(csv.DictReader(io.StringIO(download(client, url))))


def json_rows(client, url):
    data = json.loads(download(client, url))
    assert all(list(row) == data["columns"] for row in data["rows"])
    return data["columns"], data["rows"]


@pytest.fixture
def reports(db):
    """A report with published counts, one with percentages, one with ratings, one hidden."""
    area = AreaFactory(slug="use-of-force")
    counts = MonitoringReportFactory(
        title="IMR 4",
        paragraphs_assessed=519,
        figures_as="count",
        preliminary=182,
        secondary=65,
        full=19,
        figures_source="https://example.org/imr4",
        confidence="verified",
    )
    percents = MonitoringReportFactory(
        title="IMR 11", figures_as="percent", preliminary=34, secondary="42.5", full=16
    )
    rated = MonitoringReportFactory(title="IMR 12", link="https://example.org/imr12.pdf")
    levels = [
        Level.FULL,
        Level.FULL,
        Level.PRELIMINARY,
        Level.NOT_IN_COMPLIANCE,
        Level.NOT_ASSESSED,
    ]
    for number, level in enumerate(levels, start=1):
        ComplianceAssessmentFactory(
            report=rated, level=level, paragraph=ParagraphFactory(number=number, area=area)
        )
    ComplianceAssessmentFactory(
        report=rated, level=Level.SECONDARY, note="Other area", paragraph__number=99
    )
    hidden = MonitoringReportFactory(title="Hidden", is_published=False)
    ComplianceAssessmentFactory(report=hidden, paragraph__number=100)
    return counts, percents, rated


def test_columns_are_the_documented_ones(client, reports):
    assert SUMMARY_COLUMNS == DOCUMENTED_SUMMARY
    assert RATINGS_COLUMNS == DOCUMENTED_RATINGS
    assert (
        csv.reader(io.StringIO(download(client, "/progress/data.csv"))).__next__()
        == DOCUMENTED_SUMMARY
    )
    assert json_rows(client, "/progress/ratings.json")[0] == DOCUMENTED_RATINGS


def test_summary_csv_gives_published_figures_as_published(client, reports):
    rows = {row["report"]: row for row in csv_rows(client, reverse("areas:data", args=["csv"]))}
    assert list(rows) == ["IMR 4", "IMR 11", "IMR 12"]
    imr4 = rows["IMR 4"]
    assert (imr4["figures_from"], imr4["figures_as"]) == ("published", "count")
    assert (imr4["preliminary"], imr4["secondary"], imr4["full"]) == ("182", "65", "19")
    assert imr4["preliminary_percent"] == "35.1"
    assert imr4["source"] == "https://example.org/imr4"
    imr11 = rows["IMR 11"]
    assert (imr11["figures_as"], imr11["secondary"], imr11["secondary_percent"]) == (
        "percent",
        "42.5",
        "42.5",
    )
    assert imr11["paragraphs_assessed"] == ""


def test_summary_json_computes_rated_reports_from_the_ratings(client, reports):
    _columns, rows = json_rows(client, reverse("areas:data", args=["json"]))
    imr12 = next(row for row in rows if row["report"] == "IMR 12")
    assert imr12["figures_from"] == "ratings"
    assert imr12["paragraphs_assessed"] == 5  # six ratings, one "not assessed"
    assert (imr12["full"], imr12["secondary"], imr12["preliminary"]) == (2, 1, 1)
    assert (imr12["not_in_compliance"], imr12["not_assessed"]) == (1, 1)
    assert imr12["full_percent"] == 40.0
    assert imr12["report_link"] == "https://example.org/imr12.pdf"
    assert imr12["source"] is None


def test_ratings_downloads_match_the_database(client, reports):
    published = ComplianceAssessment.objects.filter(report__is_published=True)
    expected = {(a.paragraph.number, a.report.title, a.level, a.note) for a in published}
    rows = csv_rows(client, reverse("areas:ratings", args=["csv"]))
    assert {(int(r["paragraph"]), r["report"], r["level"], r["note"]) for r in rows} == expected
    _columns, rows = json_rows(client, reverse("areas:ratings", args=["json"]))
    assert {(r["paragraph"], r["report"], r["level"], r["note"]) for r in rows} == expected
    assert len(rows) == 6


def test_the_ratings_file_is_built_once_and_a_new_rating_shows_at_once(
    client, reports, settings, django_assert_num_queries
):
    settings.FRAGMENT_CACHE = True  # as in production; the page cache stays off
    url = reverse("areas:ratings", args=["csv"])
    first = download(client, url)
    with django_assert_num_queries(0):
        assert download(client, url) == first
    published = MonitoringReportFactory(title="IMR 13")
    ComplianceAssessmentFactory(report=published, paragraph__number=120, level=Level.FULL)
    rows = csv_rows(client, url)
    assert ("120", "IMR 13", "full") in {(r["paragraph"], r["report"], r["level"]) for r in rows}
    assert len(rows) == 7


def test_area_downloads_hold_only_that_area(client, reports):
    rows = csv_rows(client, reverse("areas:area_ratings", args=["use-of-force", "csv"]))
    assert sorted(int(r["paragraph"]) for r in rows) == [1, 2, 3, 4, 5]
    assert {r["area"] for r in rows} == {"use-of-force"}
    _columns, summary = json_rows(client, reverse("areas:area_data", args=["use-of-force", "json"]))
    # The monitor publishes figures for the whole decree only, so an area has rated reports only.
    assert [row["report"] for row in summary] == ["IMR 12"]
    assert summary[0]["area"] == "use-of-force"
    assert summary[0]["secondary"] == 0


def test_downloads_of_an_unknown_area_are_404(client, db):
    assert client.get("/areas/nowhere/data.csv").status_code == 404
    assert client.get("/areas/nowhere/ratings.json").status_code == 404


def test_csv_is_a_download_and_json_is_json(client, reports):
    response = client.get(reverse("areas:data", args=["csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="progress.csv"'
    assert client.get(reverse("areas:data", args=["json"]))["Content-Type"] == "application/json"


def test_empty_downloads_still_parse(client, db):
    assert csv_rows(client, reverse("areas:data", args=["csv"])) == []
    assert json_rows(client, reverse("areas:ratings", args=["json"]))[1] == []
