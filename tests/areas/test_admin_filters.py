"""Staff find paragraphs by area, by level and report together, and by number or text."""

import pytest
from django.urls import reverse

from areas.models import Level
from tests.areas.factories import (
    ComplianceAssessmentFactory,
    MonitoringReportFactory,
    ParagraphFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("admin:areas_paragraph_changelist")


def listed(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return sorted(p.number for p in response.context["cl"].result_list)


def test_level_and_report_filters_apply_to_the_same_rating(admin_client):
    imr1, imr2 = MonitoringReportFactory(), MonitoringReportFactory()
    moved = ParagraphFactory(number=1)
    ComplianceAssessmentFactory(paragraph=moved, report=imr1, level=Level.PRELIMINARY)
    ComplianceAssessmentFactory(paragraph=moved, report=imr2, level=Level.FULL)
    stayed = ParagraphFactory(number=2)
    ComplianceAssessmentFactory(paragraph=stayed, report=imr2, level=Level.PRELIMINARY)
    assert listed(admin_client, level="preliminary", report=imr2.pk) == [2]
    assert listed(admin_client, level="preliminary") == [1, 2]
    assert listed(admin_client, report=imr1.pk) == [1]


def test_search_by_number_and_by_text(admin_client):
    ParagraphFactory(number=153, title="Sanctity of life")
    ParagraphFactory(number=154, text="De-escalation whenever safe")
    assert listed(admin_client, q="153") == [153]
    assert listed(admin_client, q="escalation") == [154]


def test_paragraph_page_shows_its_ratings_inline(admin_client):
    rating = ComplianceAssessmentFactory(note="Policy issued in May.")
    response = admin_client.get(reverse("admin:areas_paragraph_change", args=[rating.paragraph.pk]))
    assert "Policy issued in May." in response.content.decode()
