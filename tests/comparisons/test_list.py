"""The comparison table: every column sorts on the server, Chicago stays the reference row."""

import datetime
import re

import pytest
from django.urls import reverse

from comparisons.sorting import COLUMNS
from tests.html_text import visible_text

from .factories import ConsentDecreeFactory
from .helpers import city_order, comparison_table, rows

pytestmark = pytest.mark.django_db

URL = reverse("comparisons:list")

# The four other cities of the `cities` fixture, in each column's ascending order.
ASCENDING = {
    "city": ["Akron", "Boise", "Camden", "Dayton"],
    "department": ["Camden", "Boise", "Dayton", "Akron"],
    "agreement_type": ["Boise", "Dayton", "Camden", "Akron"],
    "entered": ["Camden", "Akron", "Boise", "Dayton"],
    "ended": ["Camden", "Akron", "Boise", "Dayton"],
    "years": ["Camden", "Dayton", "Akron", "Boise"],
    "paragraphs": ["Dayton", "Akron", "Camden", "Boise"],
    "monitor": ["Camden", "Dayton", "Boise", "Akron"],
    "status": ["Boise", "Dayton", "Akron", "Camden"],
    "sources": ["Boise", "Camden", "Akron", "Dayton"],
}
DESCENDING = {
    "city": ["Dayton", "Camden", "Boise", "Akron"],
    "department": ["Akron", "Dayton", "Boise", "Camden"],
    # Ties keep city order in both directions.
    "agreement_type": ["Akron", "Camden", "Boise", "Dayton"],
    "entered": ["Dayton", "Boise", "Akron", "Camden"],
    # Active decrees have not ended: they come first, latest end next.
    "ended": ["Boise", "Dayton", "Akron", "Camden"],
    "years": ["Boise", "Akron", "Dayton", "Camden"],
    # An unknown count stays last whichever way the column is sorted.
    "paragraphs": ["Camden", "Akron", "Dayton", "Boise"],
    "monitor": ["Boise", "Dayton", "Camden", "Akron"],
    "status": ["Akron", "Camden", "Dayton", "Boise"],
    "sources": ["Dayton", "Akron", "Camden", "Boise"],
}


def test_every_column_is_covered_by_these_tests():
    assert set(ASCENDING) == set(DESCENDING) == {column.key for column in COLUMNS}


@pytest.mark.parametrize("key", sorted(ASCENDING))
def test_each_column_sorts_both_ways_with_chicago_pinned_first(client, cities, key):
    up = client.get(URL, {"sort": key}).content.decode()
    assert city_order(up) == ["Chicago", *ASCENDING[key]]
    down = client.get(URL, {"sort": f"-{key}"}).content.decode()
    assert city_order(down) == ["Chicago", *DESCENDING[key]]


@pytest.mark.parametrize("column", COLUMNS, ids=lambda column: column.key)
def test_the_sorted_heading_says_so_and_links_to_the_reverse_order(client, cities, column):
    html = client.get(URL, {"sort": column.key}).content.decode()
    headings = re.findall(r"<th scope=\"col\"([^>]*)>\s*<a href=\"([^\"]+)\"", html)
    sorted_headings = [(attrs.strip(), href) for attrs, href in headings if "aria-sort" in attrs]
    assert sorted_headings == [('aria-sort="ascending"', f"?sort=-{column.key}#comparison-table")]
    assert f"Sorted by {column.name}, {column.ascending}." in visible_text(html)

    html = client.get(URL, {"sort": f"-{column.key}"}).content.decode()
    assert 'aria-sort="descending"' in html
    assert f'href="?sort={column.key}#comparison-table"' in html
    assert f"Sorted by {column.name}, {column.descending}." in visible_text(html)


def test_every_heading_is_a_link_that_sorts(client, cities):
    html = client.get(URL).content.decode()
    thead = comparison_table(html).split("</thead>")[0]
    for column in COLUMNS:
        assert f'href="?sort={column.key}#comparison-table"' in thead or (
            f'href="?sort=-{column.key}#comparison-table"' in thead
        )
    assert thead.count("<a href=") == len(COLUMNS)


def test_the_default_order_is_oldest_first(client, cities):
    html = client.get(URL).content.decode()
    assert city_order(html) == ["Chicago", "Camden", "Akron", "Boise", "Dayton"]
    assert "Sorted by date entered, earliest first." in visible_text(html)
    assert "can’t be sorted" not in html


@pytest.mark.parametrize("value", ["banana", "-", "--city", "notes", "city,years", "x" * 300])
def test_an_unknown_sort_falls_back_to_the_default_order_and_says_so(client, cities, value):
    response = client.get(URL, {"sort": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert city_order(html) == ["Chicago", "Camden", "Akron", "Boise", "Dayton"]
    assert "so it is shown in its usual order" in visible_text(html)
    assert 'aria-sort="ascending"' in html
    # A long value is shortened, not echoed whole (the language link keeps the address as it is).
    assert "x" * 41 not in visible_text(html)


def test_an_unknown_sort_value_is_shown_escaped(client, cities):
    html = client.get(URL, {"sort": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_chicago_is_labelled_as_this_sites_decree_and_its_rank_is_given(client, cities):
    html = client.get(URL, {"sort": "-paragraphs"}).content.decode()
    reference = rows(comparison_table(html))[0]
    assert reference[0] == "Chicago This site’s decree"
    assert "in this order it would come 1st of 5" in visible_text(html)
    html = client.get(URL, {"sort": "entered"}).content.decode()
    assert "in this order it would come 5th of 5" in visible_text(html)


def test_without_a_decree_of_its_own_the_site_lists_everyone_in_order(client, cities):
    cities["Chicago"].delete()
    html = client.get(URL, {"sort": "city"}).content.decode()
    assert city_order(html) == ASCENDING["city"]
    assert "This site’s decree" not in html


def test_rows_show_the_facts_a_resident_compares(client, cities):
    table = rows(comparison_table(client.get(URL).content.decode()))
    by_city = {row[0].split(" ")[0]: row for row in table}
    assert by_city["Camden"][1:] == [
        "Alpha Police",
        "Memorandum of agreement",
        "1 Jan 2010",
        "1 Jan 2014",
        "4.0",
        "500 not confirmed",
        "Baker",
        "Terminated",
        "c.example.org",
    ]
    # Active decrees count to today and say so.
    assert by_city["Boise"][4:7] == ["Active", "9.0 to date", "Not known"]
    assert by_city["Dayton"][8] == "In sustainment"


def test_rows_with_unverified_facts_are_flagged_and_the_others_are_not(client, cities):
    table = rows(comparison_table(client.get(URL).content.decode()))
    flagged = {row[0].split(" ")[0] for row in table if "Some facts not confirmed" in row[0]}
    assert flagged == {"Camden"}


def test_sources_are_links_named_by_their_site(client, cities):
    table = comparison_table(client.get(URL).content.decode())
    links = re.findall(r'<a href="(https://[^"]+)" rel="noopener noreferrer">(.*?)</a>', table)
    assert ("https://a.example.org/2", "a.example.org") in [
        (href, visible_text(name)) for href, name in links
    ]
    assert "None listed" in table  # Boise lists none


def test_years_in_effect_move_on_with_today(client, cities, today):
    def boise_years():
        table = rows(comparison_table(client.get(URL, {"sort": "city"}).content.decode()))
        return next(row[5] for row in table if row[0] == "Boise")

    assert boise_years() == "9.0 to date"
    today(datetime.date(2026, 1, 1))
    assert boise_years() == "10.0 to date"


def test_the_summary_sentences_come_from_the_data(client, cities, today):
    html = visible_text(client.get(URL))
    assert "The Chicago Police Department has been under its decree for 6 years." in html
    assert "Of the 4 other decrees listed, 2 have ended and 2 are still in effect." in html
    assert "The decrees that have ended lasted between 4 and 8 years." in html
    assert (
        "Chicago’s decree has 799 paragraphs; the 3 other decrees with a known count "
        "have between 100 and 500." in html
    )
    assert "Not confirmed by a source yet: the paragraph count for Camden." in html

    cities["Dayton"].ended = datetime.date(2024, 1, 1)
    cities["Dayton"].status = "terminated"
    cities["Dayton"].save()
    today(datetime.date(2027, 6, 1))
    html = visible_text(client.get(URL))
    assert "under its decree for 8 years." in html
    assert "Of the 4 other decrees listed, 3 have ended and 1 is still in effect." in html
    assert "lasted between 4 and 8 years." in html


def test_the_page_links_to_both_downloads(client, cities):
    html = client.get(URL).content.decode()
    assert f'href="{reverse("comparisons:csv")}"' in html
    assert f'href="{reverse("comparisons:json")}"' in html


def test_with_no_decrees_the_page_says_so(client, db):
    html = client.get(URL).content.decode()
    assert "No decrees have been added yet." in html
    assert "<svg" not in html


def test_the_query_count_does_not_grow_with_the_number_of_decrees(
    client, cities, django_assert_max_num_queries
):
    client.get(URL)  # the site settings are cached from here on
    with django_assert_max_num_queries(1):
        client.get(URL, {"sort": "-years"})
    ConsentDecreeFactory.create_batch(50)
    with django_assert_max_num_queries(1):
        response = client.get(URL, {"sort": "-years"})
    assert len(city_order(response.content.decode())) == 55


def test_the_page_has_no_inline_styles_or_scripts(client, cities):
    html = client.get(URL).content.decode()
    assert "style=" not in html
    assert "<script" not in html
