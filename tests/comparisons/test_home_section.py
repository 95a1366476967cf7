"""The home page's “Consent Decree in Other Cities” section shows current facts and links on."""

import datetime
import re

import pytest
from django.urls import reverse

from comparisons.models import ConsentDecree
from tests.html_text import visible_text

from .factories import ConsentDecreeFactory
from .helpers import between

pytestmark = pytest.mark.django_db


def section(client):
    html = client.get("/").content.decode()
    return between(html, '<section aria-labelledby="comparisons-heading">', "</section>")


def test_home_shows_the_seed_cities_with_their_current_facts(client, demo_content, today):
    today(datetime.date(2026, 6, 1))
    words = visible_text(section(client))
    cards = re.findall(r"<h3><a href=\"([^\"]+)\">([^<]+)</a></h3>", section(client))
    assert [city for _, city in cards] == ["Los Angeles", "New Orleans", "Seattle"]
    for url, city in cards:
        decree = ConsentDecree.objects.get(city=city)
        assert url == decree.get_absolute_url()
        assert decree.span in words
        assert decree.duration_sentence() in words
        assert decree.paragraphs_sentence() in words
    assert (
        "It took the Los Angeles Police Department 12 years to complete all their requirements."
        in words
    )
    assert "Chicago" not in words
    assert f'href="{reverse("comparisons:list")}"' in section(client)


def test_a_staff_correction_shows_on_the_home_page_at_once(client, demo_content):
    ConsentDecree.objects.filter(city="Seattle").update(paragraph_count=212)
    assert "The Seattle consent decree consists of 212 paragraphs." in visible_text(section(client))


def test_an_active_decree_on_the_home_page_keeps_counting(client, db, today):
    ConsentDecreeFactory(city="Baltimore", entered=datetime.date(2017, 4, 7), show_on_home=True)
    today(datetime.date(2025, 4, 7))
    assert "has been under its decree for 8 years." in visible_text(section(client))
    today(datetime.date(2027, 4, 7))
    assert "has been under its decree for 10 years." in visible_text(section(client))
