"""Demo content carries Chicago's published figures honestly; sample data stays separate."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

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
    imr4 = MonitoringReport.objects.get(title="Independent Monitoring Report 4")
    assert (imr4.figures_as, imr4.paragraphs_assessed, int(imr4.preliminary)) == ("count", 519, 182)
    assert imr4.short_title == "IMR 4"


def test_demo_invents_no_paragraph_ratings(demo_content):
    assert not ComplianceAssessment.objects.exists()
    assert not Paragraph.objects.exists()


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


def test_sample_generator_refuses_to_touch_real_paragraphs(db):
    ParagraphFactory(number=5, title="Sanctity of life")
    with pytest.raises(CommandError, match="not sample data"):
        call_command("generate_sample_progress", "--paragraphs", "30", stdout=io.StringIO())
    assert Paragraph.objects.get(number=5).title == "Sanctity of life"
