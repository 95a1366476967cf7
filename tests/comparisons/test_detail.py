"""A decree's own page: its notes, people, key dates, sources, and what is not verified."""

import datetime

import pytest
from django.urls import reverse

from tests.html_text import visible_text

from .factories import ConsentDecreeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def los_angeles(db, today):
    today(datetime.date(2026, 1, 1))
    return ConsentDecreeFactory(
        city="Los Angeles",
        entered=datetime.date(2001, 6, 15),
        ended=datetime.date(2013, 5, 15),
        paragraph_count=184,
        monitor="Michael Cherkasky (Kroll)",
        judge="Gary A. Feess",
        notes="Replaced by a *transition agreement* in 2009.\n\n<script>alert(1)</script>",
        sources="https://www.lapdonline.org/\nhttps://example.org/order.pdf",
        confidence="The paragraph count has not been confirmed by a source.",
        paragraph_count_unverified=True,
    )


def test_the_page_shows_notes_people_dates_and_sources(client, los_angeles):
    html = client.get(los_angeles.get_absolute_url()).content.decode()
    words = visible_text(html)
    assert "Replaced by a <em>transition agreement</em> in 2009." in html
    assert "<script>alert(1)" not in html
    assert "Monitor Michael Cherkasky (Kroll)" in words
    assert "Judge Gary A. Feess" in words
    assert "Took effect 15 June 2001" in words
    assert "Ended 15 May 2013" in words
    assert "Years in effect 11.9" in words
    assert (
        "It took the Los Angeles Police Department 12 years to complete all their requirements."
        in words
    )
    for link in ("https://www.lapdonline.org/", "https://example.org/order.pdf"):
        assert f'<a href="{link}" rel="noopener noreferrer">{link}</a>' in html
    assert "style=" not in html


def test_unverified_facts_are_called_out_on_the_page(client, los_angeles):
    words = visible_text(client.get(los_angeles.get_absolute_url()))
    assert "Some facts on this page have not been confirmed by a source yet." in words
    # The detail is one click away, in plain words.
    assert "Which facts The paragraph count has not been confirmed by a source." in words
    assert "Marked “not confirmed” below: paragraph count." in words
    assert "Paragraphs 184 not confirmed" in words
    assert "Monitor Michael Cherkasky (Kroll) Judge" in words  # the monitor is not flagged


def test_a_verified_decree_says_its_facts_were_checked(client, db):
    decree = ConsentDecreeFactory()
    words = visible_text(client.get(decree.get_absolute_url()))
    assert "The facts on this page have been checked against the sources listed below." in words
    assert "not confirmed" not in words


def test_an_active_decree_counts_to_today_and_moves_on(client, db, today):
    today(datetime.date(2025, 3, 1))
    decree = ConsentDecreeFactory(entered=datetime.date(2019, 3, 1))
    words = visible_text(client.get(decree.get_absolute_url()))
    assert "Ended Active" in words
    assert "Years in effect 6.0 (to 1 March 2025)" in words
    today(datetime.date(2026, 3, 1))
    words = visible_text(client.get(decree.get_absolute_url()))
    assert "Years in effect 7.0 (to 1 March 2026)" in words
    assert "has been under its decree for 7 years." in words


def test_other_cities_are_put_beside_the_sites_own_decree(client, los_angeles):
    ConsentDecreeFactory(city="Chicago", entered=datetime.date(2019, 3, 1), is_own_decree=True)
    words = visible_text(client.get(los_angeles.get_absolute_url()))
    assert (
        "For comparison, Chicago’s decree: 2019–present. The Chicago Police Department "
        "has been under its decree for 7 years." in words
    )
    chicago = visible_text(client.get(reverse("comparisons:detail", args=["chicago"])))
    assert "For comparison" not in chicago
    assert "This site’s decree" in chicago


def test_missing_facts_say_not_known(client, db):
    decree = ConsentDecreeFactory(paragraph_count=None, monitor="", judge="", sources="")
    words = visible_text(client.get(decree.get_absolute_url()))
    assert "Paragraphs Not known" in words
    assert "Monitor Not known" in words
    assert "Judge Not known" in words
    assert "No sources have been listed for this decree yet." in words


def test_an_unknown_decree_is_404(client, db):
    assert client.get(reverse("comparisons:detail", args=["atlantis"])).status_code == 404


def test_the_decree_page_query_count_is_fixed(client, los_angeles, django_assert_max_num_queries):
    client.get(los_angeles.get_absolute_url())
    ConsentDecreeFactory.create_batch(50)
    with django_assert_max_num_queries(2):
        client.get(los_angeles.get_absolute_url())
