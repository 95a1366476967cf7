"""The progress page: the decree's progress over time, honest about where figures come from."""

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.formats import reset_format_cache

from areas.models import Level
from core.models import SiteSettings
from tests.areas.factories import (
    ComplianceAssessmentFactory,
    MonitoringReportFactory,
    ParagraphFactory,
)
from tests.factories import AreaFactory
from tests.html_text import visible_text

pytestmark = pytest.mark.django_db

URL = reverse("areas:progress")


class ChartAndTable(HTMLParser):
    """Collects the figures the progress chart draws (wide and narrow) and its table lists."""

    def __init__(self):
        super().__init__()
        self.chart, self.narrow_chart, self.table = {}, {}, {}
        self.in_chart = self.in_table = False
        self.report = None
        self.capture = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") in {"progress-chart", "progress-chart-narrow"}:
            self.in_chart = "narrow_chart" if attrs["id"].endswith("narrow") else "chart"
        self.in_table = self.in_table or attrs.get("id") == "progress-table"
        if tag == "g" and "data-report" in attrs:
            self.report = attrs["data-report"].split(" (")[0]
        if tag == "tr" and "data-report" in attrs:
            self.report = attrs["data-report"]
        if tag == "text" and self.in_chart and "bar-value" in attrs.get("class", "").split():
            self.capture = (self.in_chart, attrs["data-level"])
        if tag == "td" and "data-level" in attrs and self.in_table:
            self.capture = ("table", attrs["data-level"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_chart = False
        if tag == "table":
            self.in_table = False

    def handle_data(self, data):
        if self.capture:
            where, level = self.capture
            text = data.strip()
            if where != "table":
                text = text.split(": ", 1)[1]  # "Preliminary: 182 (35%)"
            getattr(self, where)[(self.report, level)] = text
            self.capture = None


def chart_and_table(client):
    parser = ChartAndTable()
    parser.feed(client.get(URL).content.decode())
    assert parser.narrow_chart == parser.chart, "the phone's drawing shows other figures"
    return parser.chart, parser.table


def test_empty_site_says_no_results_have_been_published(client, db):
    html = client.get(URL).content.decode()
    assert "No monitoring results have been published yet." in html
    assert not re.search(r'<svg class="chart[ "]', html)


def test_a_report_not_yet_shown_on_the_site_stays_hidden(client, db):
    MonitoringReportFactory(title="Draft report", is_published=False, figures_as="percent", full=9)
    html = client.get(URL).content.decode()
    assert "Draft report" not in html
    assert "No monitoring results have been published yet." in html


def test_published_counts_show_the_count_and_its_share_of_paragraphs_assessed(client, db):
    MonitoringReportFactory(
        short_title="IMR 4",
        paragraphs_assessed=519,
        figures_as="count",
        preliminary=182,
        secondary=65,
        full=19,
    )
    chart, table = chart_and_table(client)
    assert table == {
        ("IMR 4", "preliminary"): "182 (35%)",
        ("IMR 4", "secondary"): "65 (13%)",
        ("IMR 4", "full"): "19 (4%)",
    }
    assert chart == table
    html = client.get(URL).content.decode()
    assert "Published figures (counts)" in html


def test_published_percentages_show_as_published_and_missing_levels_say_so(client, db):
    MonitoringReportFactory(
        short_title="IMR 6", figures_as="percent", preliminary=Decimal("78"), full=Decimal("5.5")
    )
    chart, table = chart_and_table(client)
    assert table == {
        ("IMR 6", "preliminary"): "78%",
        ("IMR 6", "secondary"): "not published",
        ("IMR 6", "full"): "5.5%",
    }
    assert chart == table
    html = client.get(URL).content.decode()
    assert "Published figures (percentages)" in html
    assert "IMR 6 (published percentages)" in html


def test_the_chart_s_table_holds_the_same_numbers_as_the_chart(client, db):
    MonitoringReportFactory(
        short_title="IMR 4",
        paragraphs_assessed=519,
        figures_as="count",
        preliminary=182,
        secondary=65,
        full=19,
    )
    MonitoringReportFactory(short_title="IMR 7", figures_as="percent", full=5)
    rated = MonitoringReportFactory(short_title="IMR 12")
    for level in [Level.FULL, Level.SECONDARY, Level.SECONDARY, Level.NOT_IN_COMPLIANCE]:
        ComplianceAssessmentFactory(report=rated, level=level)
    chart, table = chart_and_table(client)
    assert len(chart) == 9
    assert chart == table
    assert table[("IMR 12", "secondary")] == "2 (50%)"


def test_bar_lengths_follow_the_shares(client, db):
    MonitoringReportFactory(short_title="IMR 11", figures_as="percent", preliminary=34, full=16)
    html = client.get(URL).content.decode()
    chart = html[
        html.index('id="progress-chart"') : html.index("</svg>", html.index('id="progress-chart"'))
    ]
    bar = r'<rect class="bar[^"]*" x="[\d.]+" y="[\d.]+" width="([\d.]+)"'
    widths = [float(w) for w in re.findall(bar, chart)]
    assert len(widths) == 2  # Secondary was not published: no bar
    assert widths[0] / widths[1] == pytest.approx(34 / 16)


def test_ratings_replace_the_published_figures_of_the_same_report(client, db):
    report = MonitoringReportFactory(
        short_title="IMR 9", figures_as="percent", preliminary=50, secondary=20, full=10
    )
    ComplianceAssessmentFactory(report=report, level=Level.FULL)
    ComplianceAssessmentFactory(report=report, level=Level.NOT_IN_COMPLIANCE)
    ComplianceAssessmentFactory(report=report, level=Level.NOT_ASSESSED)
    _chart, table = chart_and_table(client)
    # Two paragraphs were assessed; "not assessed" is not counted in the share.
    assert table[("IMR 9", "full")] == "1 (50%)"
    assert table[("IMR 9", "preliminary")] == "0 (0%)"
    assert "Computed from the monitor" in client.get(URL).content.decode()


def test_reports_say_plainly_where_their_figures_come_from_with_the_detail_behind_a_click(
    client, db
):
    MonitoringReportFactory(
        title="Independent Monitoring Report 6",
        figures_as="percent",
        full=5,
        figures_source="https://news.example.org/imr6",
        confidence="These figures come from news coverage of the report, not from the report itself.",
        notes="Full compliance stayed at 5%.",
    )
    html = client.get(URL).content.decode()
    report = html[html.index('<li id="report-') :]
    assert re.search(
        r'<p class="unverified">These figures come from news coverage of the report, '
        r"not from the report itself\.</p>",
        report,
    )
    details = report[report.index("<details") : report.index("</details>")]
    assert "More about these figures" in details
    assert "Full compliance stayed at 5%." in details
    assert 'href="https://news.example.org/imr6"' in details


def test_a_report_without_a_copy_points_to_the_monitors_reports_page(client, db):
    SiteSettings.objects.update_or_create(
        pk=1, defaults={"monitor_reports_url": "https://monitor.example.org/reports/"}
    )
    cache.clear()
    MonitoringReportFactory(figures_as="percent", full=5)
    words = visible_text(client.get(URL))
    assert "This site has no copy of this report yet." in words
    html = client.get(URL).content.decode()
    assert 'href="https://monitor.example.org/reports/"' in html


def test_breakdown_by_area_uses_the_latest_report_with_ratings(client, db):
    use_of_force = AreaFactory(title="Use of Force")
    training = AreaFactory(title="Training")
    old, new = (
        MonitoringReportFactory(short_title="IMR 1"),
        MonitoringReportFactory(title="IMR 2 full title"),
    )
    MonitoringReportFactory(title="Later summary only", figures_as="percent", full=9)
    paragraph = ParagraphFactory(area=use_of_force)
    ComplianceAssessmentFactory(report=old, paragraph=paragraph, level=Level.PRELIMINARY)
    ComplianceAssessmentFactory(report=new, paragraph=paragraph, level=Level.FULL)
    ComplianceAssessmentFactory(report=new, paragraph__area=training, level=Level.SECONDARY)
    html = client.get(URL).content.decode()
    assert "By area, in IMR 2 full title" in html
    table = html[html.index('id="breakdown-table"') :]
    row = re.search(r'<tr data-row="Use of Force">(.*?)</tr>', table, re.S).group(1)
    assert re.findall(r'data-level="(\w+)"[^>]*>(\d+)<', row) == [
        ("full", "1"),
        ("secondary", "0"),
        ("preliminary", "0"),
        ("not_in_compliance", "0"),
        ("not_assessed", "0"),
    ]


def test_without_ratings_the_breakdown_by_area_says_there_is_none(client, db):
    MonitoringReportFactory(figures_as="percent", full=5)
    html = client.get(URL).content.decode()
    assert "No report has ratings of every paragraph one by one yet" in html


def test_page_links_to_the_data_downloads(client, db):
    html = client.get(URL).content.decode()
    for name in ("data", "ratings"):
        for fmt in ("csv", "json"):
            assert f'href="{reverse(f"areas:{name}", args=[fmt])}"' in html


def test_svg_numbers_stay_plain_in_a_language_with_decimal_commas(client, settings, db):
    # Django's own Spanish formats write decimal commas (the site's Spanish does not).
    settings.FORMAT_MODULE_PATH = None
    reset_format_cache()
    MonitoringReportFactory(figures_as="percent", preliminary=Decimal("33.3"), full=5)
    html = client.get("/es" + URL).content.decode()
    reset_format_cache()
    assert "33,3" in html  # the figure, as that locale writes it
    chart = html[html.index('id="progress-chart"') :]
    assert not re.search(r'(?:x|y|width)="\d+,\d+"', chart)


def test_demo_progress_page_shows_the_published_figures_with_their_sources(client, demo_content):
    html = client.get(reverse("areas:progress")).content.decode()
    assert "281 (54%)" in html  # IMR 5: 281 of 523 paragraphs assessed, published as a count
    assert "Independent Monitoring Report 11" in html
    assert "34%" in html  # IMR 11: published as a percentage
    assert (
        'href="https://news.wttw.com/2025/04/11/after-6-years-cpd-now-compliance-16-consent-decree-monitors"'
        in html
    )
    assert "These figures come from news coverage of the report" in visible_text(html)
    # The Police Board's ratings are only some paragraphs': the decree-wide figures of
    # IMR 6 and IMR 10 stay the published ones, and there is no breakdown by area.
    assert "No report has ratings of every paragraph one by one yet" in html
    assert "Computed from the monitor" not in html
