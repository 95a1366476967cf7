"""The timeline and paragraph charts: SVG drawn on the server, each with a table that matches."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils.formats import reset_format_cache

from comparisons.models import ConsentDecree

from .factories import ConsentDecreeFactory
from .helpers import between, rows

pytestmark = pytest.mark.django_db

URL = reverse("comparisons:list")


def page(client, **headers):
    return client.get(URL, **headers).content.decode()


def svg(html, title_id):
    start = html.index(f'aria-labelledby="{title_id}"')
    return html[html.rindex("<svg", 0, start) : html.index("</svg>", start)]


def bars(chart):
    """{city slug: (x, width, kind)} for each bar drawn; kind is how it is drawn (its class)."""
    found = {}
    for slug, group in re.findall(r'<g class="bar-row" data-city="([^"]+)">(.*?)</g>', chart, re.S):
        rect = re.search(r'<rect class="bar ([^"]*)" x="([\d.]+)" [^>]*? width="([\d.]+)"', group)
        if rect:
            found[slug] = (float(rect[2]), float(rect[3]), rect[1])
    return found


def test_the_timeline_table_matches_the_data(client, cities):
    table = between(page(client), 'id="timeline-table">', "</table>")
    shown = rows(table)
    decrees = ConsentDecree.objects.order_by("entered")
    assert [row[0].split(" ")[0] for row in shown] == [decree.city for decree in decrees]
    for row, decree in zip(shown, decrees, strict=True):
        assert row[1] == f"{decree.entered:%-d %b %Y}"
        if decree.ended:
            assert row[2] == f"{decree.ended:%-d %b %Y}"
            assert row[3] == f"{decree.years_in_effect():.1f}"
        else:
            assert row[2] == "Still in effect"
            assert row[3] == f"{decree.years_in_effect():.1f} to date"


def test_the_paragraph_table_matches_the_data_most_first_unknown_last(client, cities):
    table = between(page(client), 'id="paragraphs-table">', "</table>")
    assert rows(table) == [
        ["Chicago This site’s decree", "799"],
        ["Camden", "500 not confirmed"],
        ["Akron", "300"],
        ["Dayton", "100"],
        ["Boise", "Not known"],
    ]
    counts = dict(ConsentDecree.objects.values_list("city", "paragraph_count"))
    assert counts == {"Chicago": 799, "Camden": 500, "Akron": 300, "Dayton": 100, "Boise": None}


def test_the_timeline_draws_one_bar_per_decree_from_entry_to_end_or_today(client, cities):
    chart = svg(page(client), "timeline-title")
    drawn = bars(chart)
    assert set(drawn) == set(ConsentDecree.objects.values_list("slug", flat=True))
    today_x = float(re.search(r'<line class="today" x1="([\d.]+)"', chart)[1])
    for slug in ("chicago", "boise", "dayton"):  # still in effect
        x, width, fill = drawn[slug]
        assert x + width == pytest.approx(today_x, abs=0.2)
        assert fill == "active"  # striped: still running
    for slug in ("akron", "camden"):  # ended
        x, width, fill = drawn[slug]
        assert x + width < today_x
        assert fill == "ended"
    # Akron ran twice as long as Camden (8 years against 4).
    assert drawn["akron"][1] == pytest.approx(2 * drawn["camden"][1], rel=0.01)
    assert "Today, 1 Jan 2025" in chart


def test_active_bars_grow_as_today_moves_on_and_ended_ones_do_not(client, cities, today):
    before = bars(svg(page(client), "timeline-title"))
    today(datetime.date(2028, 1, 1))
    after = bars(svg(page(client), "timeline-title"))
    # The axis stretches to the new year, so compare each bar's length with Akron's.
    assert after["boise"][1] / after["akron"][1] > before["boise"][1] / before["akron"][1]
    assert after["camden"][1] / after["akron"][1] == pytest.approx(
        before["camden"][1] / before["akron"][1], rel=0.01
    )
    assert "2016–present, 12.0 years so far" in page(client)


def test_paragraph_bars_are_as_long_as_the_counts(client, cities):
    drawn = bars(svg(page(client), "paragraphs-title"))
    assert "boise" not in drawn  # no count, no bar: the label says “count not known”
    assert drawn["chicago"][1] / drawn["dayton"][1] == pytest.approx(7.99, rel=0.01)
    assert drawn["camden"][2] == "unverified"
    assert drawn["akron"][2] == "counted"
    chart = svg(page(client), "paragraphs-title")
    assert "500 paragraphs (not confirmed)" in chart
    assert "count not known" in chart


def test_charts_are_images_with_a_text_alternative_and_the_sites_decree_named(client, cities):
    html = page(client)
    for title_id in ("timeline-title", "paragraphs-title"):
        chart = svg(html, title_id)
        assert 'role="img"' in chart
        assert f'<title id="{title_id}">' in chart
        assert "this site’s decree" in chart
    assert "Timeline of 5 police decrees, from 2010 to today." in html
    assert "for the 4 of 5 decrees whose count is known" in html


@pytest.fixture
def djangos_own_formats(settings):
    """Django's own Spanish formats, which write 12,5 where the site's write 12.5."""
    settings.FORMAT_MODULE_PATH = None
    reset_format_cache()  # Django keeps each language's formats; they must be read again
    yield
    reset_format_cache()


def test_chart_coordinates_stay_numbers_for_a_spanish_reader(client, djangos_own_formats, cities):
    html = client.get("/es" + URL).content.decode()
    assert '<html lang="es"' in html
    for title_id in ("timeline-title", "paragraphs-title"):
        chart = svg(html, title_id)
        assert not re.search(r'(?:x|x1|width|y)="\d+,\d', chart)
        assert bars(chart)


def test_a_single_short_decree_still_draws(client, db, today):
    today(datetime.date(2025, 1, 1))
    ConsentDecreeFactory(entered=datetime.date(2024, 12, 30), paragraph_count=None)
    html = page(client)
    (_x, width, _fill) = next(iter(bars(svg(html, "timeline-title")).values()))
    assert width >= 2
    assert "for the 0 of 1 decrees whose count is known" in html
