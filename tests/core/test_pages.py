"""Site-wide promises: the security policy, friendly 404s, the page language, headings.

The promises every public page keeps are checked page by page in test_every_page.py.
"""

import pytest

pytestmark = pytest.mark.django_db


def test_responses_carry_a_content_security_policy(client, demo_content):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy


def test_unknown_pages_are_404(client, db):
    assert client.get("/areas/no-such-area/").status_code == 404
    assert client.get("/media-center/no-such-post/").status_code == 404


def test_missing_page_is_a_friendly_404(client, demo_content):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/"' in html


def test_page_language_matches_its_text_whatever_the_browser_asks_for(client, demo_content):
    html = client.get("/", headers={"accept-language": "es-MX,es;q=0.9"}).content.decode()
    assert '<html lang="en' in html


def test_area_cards_take_the_heading_level_of_their_page(client, demo_content):
    assert '<h2><a href="/areas/training/"' in client.get("/areas/").content.decode()
    assert '<h3><a href="/areas/training/"' in client.get("/").content.decode()
