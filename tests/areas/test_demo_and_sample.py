"""Demo content carries Chicago's published figures honestly; sample data stays separate."""

import csv
import io

import pytest
from django.core.management import call_command

from areas.demo import REPORTS_CSV
from areas.models import ComplianceAssessment, MonitoringReport, Paragraph
from tests.areas.factories import ParagraphFactory

pytestmark = pytest.mark.django_db


def published_rows():
    with REPORTS_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_demo_loads_every_published_report_with_its_source_and_confidence(demo_content):
    rows = published_rows()
    assert MonitoringReport.objects.published().count() == len(rows)
    for row in rows:
        report = MonitoringReport.objects.get(title=row["report"])
        assert report.figures_source == row["source"]
        assert report.confidence == row["confidence"]
        assert report.notes == row["notes"]
        assert report.link == row["link"]
    imr4 = MonitoringReport.objects.get(title="Independent Monitoring Report 4")
    assert (imr4.figures_as, imr4.paragraphs_assessed, int(imr4.preliminary)) == ("count", 519, 182)
    assert imr4.short_title == "IMR 4"


def test_demo_ratings_are_only_the_police_boards_as_its_page_gives_them(demo_content):
    ratings = ComplianceAssessment.objects.select_related("report", "paragraph")
    by_report = {}
    for rating in ratings:
        by_report.setdefault(rating.report.short_title, {})[rating.paragraph.number] = rating.level
        assert (
            rating.source
            == "https://www.chicago.gov/city/en/depts/cpb/supp_info/consent-decree.html"
        )
        assert rating.report.ratings_are_partial
    assert set(by_report) == {"IMR 6", "IMR 10"}
    # IMR 6: 14 paragraphs, 10 full, 1 secondary, 3 preliminary; IMR 10: 13, 10 full, 3 preliminary.
    assert len(by_report["IMR 6"]) == 14
    assert len(by_report["IMR 10"]) == 13
    assert list(by_report["IMR 6"].values()).count("full") == 10
    assert by_report["IMR 6"][543] == "secondary"
    assert by_report["IMR 10"][543] == "full"
    assert {by_report["IMR 10"][n] for n in (540, 541, 542)} == {"preliminary"}
    assert 531 not in by_report["IMR 10"]


def test_demo_paragraphs_are_only_those_a_source_places(demo_content):
    numbers = set(Paragraph.objects.values_list("number", flat=True))
    assert {53, 54, 55, 498, 531, 565, 657, 661, 800, 877} <= numbers
    assert not numbers & {1, 100, 400, 566, 700, 799, 878}
    assert Paragraph.objects.get(number=532).area.slug == "accountability-transparency"
    assert Paragraph.objects.filter(number__range=(800, 877)).count() == 78


def test_loading_the_demo_twice_changes_no_report(demo_content):
    before = list(MonitoringReport.objects.values_list().order_by("pk"))
    call_command("load_demo_content", verbosity=0)
    assert list(MonitoringReport.objects.values_list().order_by("pk")) == before


def test_staff_edits_to_a_report_survive_a_rerun(demo_content):
    MonitoringReport.objects.filter(short_title="IMR 5").update(confidence="checked by staff")
    call_command("load_demo_content", verbosity=0)
    assert MonitoringReport.objects.get(short_title="IMR 5").confidence == "checked by staff"


def test_sample_generator_makes_labelled_sample_data(db):
    out = io.StringIO()
    call_command("generate_sample_progress", "--paragraphs", "30", "--reports", "3", stdout=out)
    assert "30 paragraphs, 3 reports, 90 ratings" in out.getvalue()
    assert set(MonitoringReport.objects.values_list("confidence", flat=True)) == {
        "sample data, not real ratings"
    }
    assert all(
        title.startswith("Sample")
        for title in MonitoringReport.objects.values_list("title", flat=True)
    )
    # Running it again replaces the sample rather than adding to it.
    call_command("generate_sample_progress", "--paragraphs", "30", "--reports", "3", stdout=out)
    assert ComplianceAssessment.objects.count() == 90


def test_sample_generator_leaves_real_paragraphs_and_their_numbers_alone(db):
    real = ParagraphFactory(number=5, title="Sanctity of life")
    call_command("generate_sample_progress", "--paragraphs", "30", stdout=io.StringIO())
    real.refresh_from_db()
    assert real.title == "Sanctity of life"
    assert not real.assessments.exists()
    sample = Paragraph.objects.exclude(pk=real.pk)
    assert sample.count() == 30
    assert 5 not in set(sample.values_list("number", flat=True))
    assert Paragraph.objects.get(number=5).title == "Sanctity of life"
