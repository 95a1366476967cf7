"""What search engines and link previews see: one address, a title and description per page."""

import datetime
import html as html_lib
import re

import pytest
from django.urls import reverse

from core.models import SiteSettings
from tests.core.test_pages import public_urls
from tests.factories import PostFactory
from tests.media_center.factories import PostWithCoverFactory

pytestmark = pytest.mark.django_db


def head_of(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return re.search(r"<head>.*?</head>", response.content.decode(), re.S)[0]


def meta(head, key):
    """Every value of the meta tag named (or with the property) ``key``, unescaped."""
    pattern = rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)">'
    return [html_lib.unescape(value) for value in re.findall(pattern, head)]


def canonical(head):
    return re.findall(r'<link rel="canonical" href="([^"]*)">', head)


def title(head):
    return html_lib.unescape(re.search(r"<title>(.*?)</title>", head, re.S)[1])


def test_every_public_page_has_one_canonical_address_and_its_own_card(client, demo_content):
    site_name = SiteSettings.load().site_name
    urls = public_urls()
    titles, descriptions = set(), set()
    for url in urls:
        head = head_of(client, url)
        assert canonical(head) == [f"http://testserver{url}"], url
        assert meta(head, "og:url") == [f"http://testserver{url}"], url
        [description] = meta(head, "description")
        assert description, url
        assert meta(head, "og:description") == [description], url
        assert meta(head, "twitter:description") == [description], url
        [card_title] = meta(head, "og:title")
        assert meta(head, "twitter:title") == [card_title], url
        assert meta(head, "og:site_name") == [site_name], url
        assert meta(head, "twitter:card"), url
        # The tab shows the page, then the site; the card shows the page alone.
        assert title(head) in (f"{card_title} · {site_name}", site_name), url
        titles.add(title(head))
        descriptions.add(description)
    assert len(titles) == len(urls), "two pages share a <title>"
    assert len(descriptions) == len(urls), "two pages share a description"


def test_the_home_page_is_titled_by_the_site_and_described_by_its_tagline(client, demo_content):
    site = SiteSettings.load()
    head = head_of(client, "/")
    assert title(head) == site.site_name
    assert meta(head, "og:title") == [site.site_name]
    assert meta(head, "description") == [site.tagline]


def test_filtered_lists_name_the_whole_list_and_later_pages_their_own(client, db):
    PostFactory.create_batch(11)
    base = "http://testserver/media-center/"
    assert canonical(head_of(client, "/media-center/", data={"page": "2"})) == [f"{base}?page=2"]
    assert canonical(head_of(client, "/media-center/", data={"page": "1"})) == [base]
    assert canonical(head_of(client, "/media-center/", data={"category": "news"})) == [base]
    assert canonical(head_of(client, "/search/", data={"q": "training"})) == [
        "http://testserver/search/"
    ]


def test_behind_a_tls_proxy_the_addresses_are_https(client, settings, db):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # A proxy passes the Host header on, and says the scheme it was asked for.
    head = head_of(client, "/privacy/", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="https")
    assert canonical(head) == ["https://testserver/privacy/"]
    assert meta(head, "og:url") == ["https://testserver/privacy/"]


def test_a_post_with_a_cover_shares_its_largest_rendition(client, db):
    post = PostWithCoverFactory(
        title="Graduation", summary="Officers finished training.", cover_alt="Officers on stage"
    )
    largest = post.cover_renditions[-1]
    head = head_of(client, post.get_absolute_url())
    assert meta(head, "og:type") == ["article"]
    assert meta(head, "og:title") == ["Graduation"]
    assert meta(head, "og:description") == ["Officers finished training."]
    assert meta(head, "og:image") == [f"http://testserver{largest.url}"]
    assert largest.url.endswith("-1600w.webp")
    assert meta(head, "og:image:width") == ["1600"]
    assert meta(head, "og:image:height") == [str(largest.height)]
    assert meta(head, "og:image:alt") == ["Officers on stage"]
    assert meta(head, "twitter:card") == ["summary_large_image"]
    assert meta(head, "twitter:image") == meta(head, "og:image")
    [published] = meta(head, "article:published_time")
    assert datetime.datetime.fromisoformat(published) == post.published_at


def test_a_post_without_a_cover_has_a_plain_card(client, db):
    head = head_of(client, PostFactory().get_absolute_url())
    assert meta(head, "og:image") == []
    assert meta(head, "twitter:card") == ["summary"]


def test_titles_and_descriptions_are_escaped_once(client, db):
    post = PostFactory(title='"Fish" & <chips>', summary="Q&A <b>now</b>")
    response = client.get(post.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="&quot;Fish&quot; &amp; &lt;chips&gt;">' in response
    assert '<meta name="description" content="Q&amp;A &lt;b&gt;now&lt;/b&gt;">' in response
    assert "&amp;amp;" not in response


def test_pages_that_are_nobodys_to_share_have_no_card(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
    thanks = client.get(reverse("feedback:thanks")).content.decode()
    assert 'rel="canonical"' not in thanks
    assert '<meta name="robots" content="noindex">' in thanks
