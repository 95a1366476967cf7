"""Staff get clear messages when a report's published figures do not add up."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from areas.models import MonitoringReport, report_document_upload_to
from tests.pdfs import pdf_bytes

pytestmark = pytest.mark.django_db


def report(**figures):
    return MonitoringReport(
        title="IMR 1",
        period_start=datetime.date(2019, 3, 1),
        period_end=datetime.date(2019, 8, 31),
        **figures,
    )


def errors(obj):
    with pytest.raises(ValidationError) as raised:
        obj.full_clean()
    return raised.value.message_dict


def test_figures_need_to_say_whether_they_are_counts_or_percentages():
    assert "figures_as" in errors(report(full=Decimal(5)))


def test_a_percentage_cannot_pass_100():
    assert errors(report(figures_as="percent", preliminary=Decimal(101)))["preliminary"] == [
        "A percentage cannot be more than 100."
    ]


def test_counts_are_whole_and_add_up_to_no_more_than_the_paragraphs_assessed():
    assert "full" in errors(report(figures_as="count", full=Decimal("2.5")))
    assert "paragraphs_assessed" in errors(
        report(figures_as="count", paragraphs_assessed=10, preliminary=8, full=5)
    )


def test_the_period_cannot_end_before_it_starts():
    bad = report()
    bad.period_end = datetime.date(2019, 1, 1)
    assert "period_end" in errors(bad)


def test_sound_published_figures_pass():
    report(
        figures_as="count", paragraphs_assessed=519, preliminary=182, secondary=65, full=19
    ).full_clean()
    report(figures_as="percent", preliminary=34, secondary=42, full=16).full_clean()


def test_a_report_document_over_the_size_limit_is_refused(settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 100
    big = report(document=SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"x" * 200))
    [message] = errors(big)["document"]
    assert "the largest document the site accepts is 100" in message


def test_report_documents_get_unguessable_names():
    names = {report_document_upload_to(None, "imr-11.pdf") for _ in range(3)}
    assert len(names) == 3
    assert not any("imr-11" in name for name in names)


def test_the_report_document_must_really_be_a_pdf():
    fake = report(document=SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>"))
    [message] = errors(fake)["document"]
    assert "“report.pdf” is not a PDF" in message
    assert "Save or export the document as PDF" in message
    real = report(document=SimpleUploadedFile("report.pdf", pdf_bytes()))
    real.full_clean()


def test_a_report_with_a_stored_document_can_be_edited_and_saved():
    stored = report(document=SimpleUploadedFile("report.pdf", pdf_bytes()), is_published=True)
    stored.full_clean()
    stored.save()
    stored.document.storage.delete(stored.document.name)  # even if the file went missing
    stored.refresh_from_db()
    stored.notes = "Edited later."
    stored.full_clean()
    stored.save()
