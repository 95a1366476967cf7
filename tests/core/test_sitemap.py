"""The sitemap lists every public page, and every language once the site has several."""

import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from tests.core.test_pages import public_urls
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

XHTML_ALTERNATE = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>')


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    return xml, re.findall(r"<loc>([^<]+)</loc>", xml)


def test_the_sitemap_lists_every_public_page_once(client, demo_content):
    # Search results are not pages; the email alerts' links and their next step are
    # personal (noindex), not pages for search engines.
    personal = (
        "/alerts/check-your-email/",
        "/alerts/confirm/",
        "/alerts/preferences/",
        "/alerts/unsubscribe/",
    )
    expected = {url for url in public_urls() if url != "/search/" and not url.startswith(personal)}
    _xml, locations = sitemap_locations(client)
    assert len(locations) == len(set(locations))
    listed = {location.removeprefix("http://testserver") for location in locations}
    assert expected <= listed, expected - listed
    assert "/search/" not in listed


def test_the_site_pages_carry_their_last_edit(client, db):
    xml, _locations = sitemap_locations(client)
    entry = re.search(r"<url><loc>http://testserver/privacy/</loc>(.*?)</url>", xml, re.S)[1]
    assert re.search(r"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>", entry)


def test_with_one_language_there_are_no_alternates(client, db, settings):
    settings.LANGUAGES = [("en", "English")]
    xml, _locations = sitemap_locations(client)
    assert "hreflang" not in xml


def test_with_a_second_language_each_page_names_its_alternates(client, db, settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Español")]
    settings.LANGUAGE_CODE = "en"
    xml, locations = sitemap_locations(client)
    entry = re.search(r"<url><loc>http://testserver/privacy/</loc>(.*?)</url>", xml, re.S)[1]
    alternates = dict(XHTML_ALTERNATE.findall(entry))
    assert set(alternates) == {"en", "es", "x-default"}
    assert alternates["es"] == "http://testserver/es/privacy/"
    # Each page is listed once per language, at its own address.
    assert locations.count("http://testserver/privacy/") == 1
    assert locations.count("http://testserver/es/privacy/") == 1


def test_with_the_page_cache_off_the_kept_sitemap_follows_saves_and_the_clock(
    client, settings, django_assert_num_queries
):
    settings.FRAGMENT_CACHE = True  # built once per change, as in production
    now = timezone.now().replace(microsecond=0)
    scheduled = PostFactory(title="Report day", published_at=now + datetime.timedelta(hours=1))
    with mock.patch("django.utils.timezone.now", return_value=now):
        _xml, first = sitemap_locations(client)
        with django_assert_num_queries(0):
            assert sitemap_locations(client)[1] == first
        saved = PostFactory(title="Filed today", published_at=now - datetime.timedelta(hours=1))
        xml, _locations = sitemap_locations(client)
        assert saved.get_absolute_url() in xml
        assert scheduled.get_absolute_url() not in xml
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=1)):
        assert scheduled.get_absolute_url() in sitemap_locations(client)[0]
