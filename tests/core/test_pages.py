"""Site-wide promises every public page keeps."""

import re

import pytest
from django.urls import reverse

from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def public_urls():
    from areas.models import Area
    from comparisons.models import ConsentDecree
    from media_center.models import Announcement

    post = PostFactory()
    urls = [
        "/",
        reverse("areas:list"),
        reverse("areas:progress"),
        reverse("media_center:list"),
        post.get_absolute_url(),
        reverse("policies:list"),
        reverse("policies:documents"),
        reverse("feedback:form"),
        reverse("comparisons:list"),
        reverse("search"),
        reverse("accessibility"),
        reverse("privacy"),
    ]
    urls += [a.get_absolute_url() for a in Area.objects.all()[:2]]
    urls += [d.get_absolute_url() for d in ConsentDecree.objects.all()]
    urls += [a.get_absolute_url() for a in Announcement.objects.all()]
    return urls


def test_every_public_page_has_exactly_one_h1(client, demo_content):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1, url


def test_every_public_page_has_the_landmarks_and_a_skip_link(client, demo_content):
    for url in public_urls():
        html = client.get(url).content.decode()
        assert '<html lang="en' in html, url
        assert 'href="#main"' in html, url
        assert 'id="main"' in html, url
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in html, (url, landmark)


def test_pages_load_nothing_from_another_host(client, demo_content):
    for url in public_urls():
        html = client.get(url).content.decode()
        for attribute in re.findall(r'(?:src|href)="([^"]+)"', html):
            if attribute.startswith(("http://", "https://", "//")):
                # Only links a resident follows may point elsewhere, never assets.
                assert not re.search(
                    rf'(?:src|rel="stylesheet"[^>]*href)="{re.escape(attribute)}"', html
                ), (url, attribute)


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
