"""Area pages: each area's paragraphs and their standing, report by report."""

import re

import pytest
from django.urls import reverse

from areas.models import Level
from tests.areas.factories import (
    ComplianceAssessmentFactory,
    MonitoringReportFactory,
    ParagraphFactory,
)
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def use_of_force(db):
    """An area with two paragraphs rated in two reports, and a third not rated yet."""
    area = AreaFactory(title="Use of Force", slug="use-of-force")
    imr1 = MonitoringReportFactory(title="Independent Monitoring Report 1", short_title="IMR 1")
    imr2 = MonitoringReportFactory(title="Independent Monitoring Report 2", short_title="IMR 2")
    first = ParagraphFactory(area=area, number=153, title="Sanctity of life")
    second = ParagraphFactory(area=area, number=154, title="De-escalation")
    ParagraphFactory(area=area, number=155, title="Not rated")
    ComplianceAssessmentFactory(paragraph=first, report=imr1, level=Level.PRELIMINARY)
    ComplianceAssessmentFactory(paragraph=first, report=imr2, level=Level.SECONDARY)
    ComplianceAssessmentFactory(paragraph=second, report=imr1, level=Level.FULL)
    ComplianceAssessmentFactory(
        paragraph=second, report=imr2, level=Level.NOT_ASSESSED, note="Deferred to IMR 3."
    )
    return area


def row(html, number):
    return re.search(rf'<tr id="paragraph-{number}">(.*?)</tr>', html, re.S).group(1)


def test_area_page_lists_its_paragraphs_with_their_latest_rating(client, use_of_force):
    html = client.get(use_of_force.get_absolute_url()).content.decode()
    first = row(html, 153)
    assert "Sanctity of life" in first
    # Latest rating first, then one cell per report, oldest first.
    assert re.findall(r'class="level level-(\w+)"', first) == [
        "secondary",
        "preliminary",
        "secondary",
    ]
    assert "(IMR 2)" in first


def test_not_assessed_does_not_hide_the_last_real_rating(client, use_of_force):
    html = client.get(use_of_force.get_absolute_url()).content.decode()
    second = row(html, 154)
    assert re.findall(r'class="level level-(\w+)"', second)[0] == "full"
    assert "(IMR 1)" in second
    assert "Deferred to IMR 3." in second


def test_paragraph_without_ratings_says_not_rated_yet(client, use_of_force):
    html = client.get(use_of_force.get_absolute_url()).content.decode()
    assert "Not rated yet" in row(html, 155)


def test_area_page_shows_how_the_area_moved_across_reports(client, use_of_force):
    html = client.get(use_of_force.get_absolute_url()).content.decode()
    table = html[html.index('id="movement-table"') :]
    imr2 = re.search(r'<tr data-row="IMR 2">(.*?)</tr>', table, re.S).group(1)
    assert dict(re.findall(r'data-level="(\w+)"[^>]*>(\d+)<', imr2)) == {
        "full": "0",
        "secondary": "1",
        "preliminary": "0",
        "not_in_compliance": "0",
        "not_assessed": "1",
    }
    chart = html[html.index('id="movement-chart"') : html.index('id="movement-table"')]
    assert 'data-level="secondary" data-count="1"' in chart


def test_ratings_of_a_report_not_yet_shown_stay_hidden(client, use_of_force):
    hidden = MonitoringReportFactory(
        title="Unreleased report", short_title="IMR 99", is_published=False
    )
    ComplianceAssessmentFactory(
        paragraph=use_of_force.paragraphs.get(number=153), report=hidden, level=Level.FULL
    )
    html = client.get(use_of_force.get_absolute_url()).content.decode()
    assert "IMR 99" not in html
    assert "Unreleased report" not in html


def test_area_without_paragraphs_has_honest_empty_states(client, db):
    area = AreaFactory()
    html = client.get(area.get_absolute_url()).content.decode()
    assert "No decree paragraphs have been added for this area yet." in html
    assert "No paragraph-by-paragraph ratings have been published for this area yet." in html


def test_area_page_links_to_its_data(client, use_of_force):
    html = client.get(use_of_force.get_absolute_url()).content.decode()
    for name in ("area_data", "area_ratings"):
        for fmt in ("csv", "json"):
            assert f'href="{reverse(f"areas:{name}", args=["use-of-force", fmt])}"' in html


def test_area_list_shows_each_area_s_standing_in_its_latest_rated_report(client, use_of_force):
    AreaFactory(title="Training")
    html = client.get(reverse("areas:list")).content.decode()
    card = html[html.index("Use of Force") : html.index("Training")]
    assert "Ratings in Independent Monitoring Report 2:" in card
    assert "Secondary 1" in card
    assert "Not assessed 1" in card
    assert "Full 0" not in card  # levels without paragraphs are left out of the line


def test_area_list_without_ratings_points_to_the_published_figures(client, db):
    AreaFactory()
    html = client.get(reverse("areas:list")).content.decode()
    assert "No paragraph-by-paragraph ratings have been published yet." in html
    assert f'href="{reverse("areas:progress")}"' in html


def test_home_page_cards_show_the_standing_too(client, use_of_force):
    html = client.get("/").content.decode()
    assert "Ratings in Independent Monitoring Report 2:" in html
    assert 'id="lvl-secondary"' in html  # the bar's patterns are on the page


def test_home_page_without_ratings_has_no_chart_patterns(client, db):
    AreaFactory()
    assert 'id="lvl-secondary"' not in client.get("/").content.decode()
