"""The home page shows the seed page's content, all of it from the database."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from core.models import SiteSettings
from tests.factories import AnnouncementFactory, PostFactory
from tests.html_text import visible_text

# A copy of the seed page the demo content reproduces.
SEED_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "reform-home-page.txt"

pytestmark = pytest.mark.django_db


def seed_items():
    """The seed page's items; a card's text spans several lines in the file."""
    lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    cards = {
        "AREAS OF IMPROVEMENT": lines[3:9],
        "MEDIA CENTER": lines[10:11],
        "FEEDBACK": lines[12:13],
    }
    return lines, {title: " ".join(body) for title, body in cards.items()}


# The seed page's figures that the verified data corrects (see the decrees data).
CORRECTED_BY_VERIFIED_FACTS = {
    "The New Orleans Police Department is under a consent decree that consists of 490 paragraphs.",
    "2012-Present",
}


def test_home_page_shows_every_item_of_the_seed_page(client, demo_content):
    text = visible_text(client.get("/").content.decode()).lower()
    lines, cards = seed_items()
    for body in cards.values():
        assert body.lower() in text
    card_lines = {line for block in ([3, 9], [10, 11], [12, 13]) for line in lines[slice(*block)]}
    for line in lines:
        line = line.strip()
        if not line or line in card_lines or line in CORRECTED_BY_VERIFIED_FACTS:
            continue
        if re.fullmatch(r"\d{4}-(\d{4}|Present)", line):
            line = line.replace("-", "–").replace("Present", "present")
        assert line.lower() in text, f"missing from the home page: {line!r}"


def test_home_page_shows_verified_facts_where_the_seed_disagrees(client, demo_content):
    text = visible_text(client.get("/").content.decode())
    assert "The New Orleans consent decree consists of 492 paragraphs." in text
    assert "490 paragraphs" not in text
    assert "2013–2025" in text  # New Orleans, ended 2025
    assert "2012–2025" in text  # Seattle, ended 2025
    assert "Not all facts verified" in text  # Los Angeles' paragraph count is unverified


def test_home_page_shows_the_media_empty_state(client, demo_content):
    response = client.get("/")
    assert "No recent posts have been published at this time." in response.content.decode()


def test_home_page_lists_the_latest_three_published_posts(client, demo_content):
    posts = PostFactory.create_batch(4)
    draft = PostFactory(status="draft", title="Secret draft")
    html = client.get("/").content.decode()
    assert "No recent posts have been published" not in html
    newest_first = sorted(posts, key=lambda p: p.published_at, reverse=True)
    for post in newest_first[:3]:
        assert post.title in html
    assert newest_first[3].title not in html
    assert draft.title not in html


def test_banner_links_to_its_details(client, demo_content):
    html = client.get("/").content.decode()
    assert "Updates on the Workforce Allocation Study Here!" in html
    details = reverse("media_center:announcement", args=["workforce-allocation-study"])
    assert f'href="{details}"' in html
    assert client.get(details).status_code == 200


def test_switched_off_announcement_is_not_shown(client, db):
    AnnouncementFactory(title="Old news", is_active=False)
    assert "Old news" not in client.get("/").content.decode()


def test_staff_edits_to_the_home_copy_appear_at_once(client, demo_content):
    client.get("/")  # fills the cache
    settings = SiteSettings.objects.get()
    settings.feedback_card_text = "Tell us what you think, in your own words."
    settings.save()
    assert "Tell us what you think, in your own words." in client.get("/").content.decode()


def test_home_page_query_count_does_not_grow_with_content(
    client, demo_content, django_assert_max_num_queries
):
    client.get("/")
    PostFactory.create_batch(20)
    with django_assert_max_num_queries(6):
        client.get("/")


def test_home_page_heading_opens_with_words_not_an_empty_section(client, demo_content):
    html = client.get("/").content.decode()
    hero = html[html.index('<section class="hero"') : html.index("</section>")]
    assert "consent decree" in visible_text(hero)
