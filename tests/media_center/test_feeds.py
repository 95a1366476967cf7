"""The Atom and RSS feeds: well-formed, complete, and only of published posts."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from media_center.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def posts(demo_content):
    old = PostFactory(
        title="Older post & more",
        summary="The first <summary>.",
        category=Post.Category.PRESS_RELEASE,
        published_at=timezone.now() - datetime.timedelta(days=2),
    )
    new = PostFactory(title="Newer post", published_at=timezone.now() - datetime.timedelta(hours=1))
    PostFactory(title="A draft", status=Post.Status.DRAFT)
    PostFactory(title="Scheduled", published_at=timezone.now() + datetime.timedelta(hours=1))
    return [new, old]


def parse(response):
    return ET.fromstring(response.content)  # noqa: S314 (the site's own output)


def test_atom_feed_is_well_formed_with_the_required_elements(client, posts):
    response = client.get("/media-center/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Chicago Police Reform: Media Center"
    assert feed.findtext(f"{ATOM}id").startswith("http://testserver/media-center/")
    assert feed.findtext(f"{ATOM}updated")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Chicago Police Reform"
    assert (
        feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/media-center/feed/"
    )
    # The newest first; the demo's history posts, older, follow them.
    entries = feed.findall(f"{ATOM}entry")[:2]
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newer post", "Older post & more"]
    for entry, post in zip(entries, posts, strict=True):
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}published")
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link == f"http://testserver{post.get_absolute_url()}"
    # Readers take the summary as HTML, so plain text arrives escaped.
    assert entries[1].findtext(f"{ATOM}summary") == "The first &lt;summary&gt;."
    assert entries[1].find(f"{ATOM}category").get("term") == "Press release"


def test_rss_feed_is_well_formed_with_the_required_elements(client, posts):
    response = client.get("/media-center/feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = parse(response)
    assert rss.tag == "rss"
    assert rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "Chicago Police Reform: Media Center"
    assert channel.findtext("link") == "http://testserver/media-center/"
    assert channel.findtext("description")
    items = channel.findall("item")[:2]
    assert [i.findtext("title") for i in items] == ["Newer post", "Older post & more"]
    for item in items:
        assert item.findtext("link").startswith("http://testserver/media-center/")
        assert item.findtext("guid")
        assert item.findtext("pubDate")
        assert item.findtext("description")


def test_feeds_are_well_formed_when_there_are_no_posts(client, db):
    assert parse(client.get("/media-center/feed/")).findall(f"{ATOM}entry") == []
    assert parse(client.get("/media-center/feed/rss/")).find("channel").findall("item") == []


@pytest.mark.parametrize("url", ["/", "/media-center/", "/areas/"])
def test_pages_announce_both_feeds_in_their_head(client, db, url):
    html = client.get(url).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml" href="/media-center/feed/"' in head
    assert '<link rel="alternate" type="application/rss+xml" href="/media-center/feed/rss/"' in head
