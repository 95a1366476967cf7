"""Costly parts of pages kept whole in the shared cache (``{% fragment %}``), never stale.

The suite runs with fragments off; here they are on, as in production, while
the page cache stays off: what a visitor gets when the page itself is not kept.
"""

import datetime
import re
from unittest import mock

import brotli
import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from core import content_version, pagecache
from core.models import SiteSettings
from core.near_cache import NearCache
from media_center.models import Post
from tests.comparisons.factories import ConsentDecreeFactory
from tests.factories import AreaFactory, PostFactory
from tests.policies.factories import PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments_on(settings):
    settings.FRAGMENT_CACHE = True
    settings.PAGE_CACHE_SECONDS = 0
    return settings


def travel_to(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def text(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/", reverse("areas:progress"), reverse("policies:list"), reverse("comparisons:list")],
)
def test_a_kept_page_is_read_from_the_cache_and_a_save_shows_at_once(
    client, fragments_on, django_assert_max_num_queries, url
):
    area = AreaFactory(title="Use of Force")
    PolicyFactory(title="Foot Pursuits").areas.set([area])
    text(client, url)
    with django_assert_max_num_queries(2):  # the kept part reads nothing
        text(client, url)
    area.title = "Use of Force and De-escalation"
    area.save()
    PolicyFactory(title="Search Warrants").areas.set([area])
    page = text(client, url)
    if url in ("/", reverse("policies:list")):
        assert "Use of Force and De-escalation" in page
    if url == reverse("policies:list"):
        assert "Search Warrants" in page


def test_each_filter_and_page_is_kept_apart(client, fragments_on):
    first, second = AreaFactory(slug="first"), AreaFactory(slug="second")
    PolicyFactory(title="Foot Pursuits").areas.set([first])
    PolicyFactory(title="Search Warrants").areas.set([second])
    url = reverse("policies:list")
    assert "Search Warrants" in text(client, url)
    only_first = text(client, url, {"area": "first"})
    assert "Foot Pursuits" in only_first
    assert "Search Warrants" not in only_first
    assert "Search Warrants" in text(client, url, {"area": "second"})


def test_a_scheduled_post_appears_on_kept_pages_at_its_time(client, fragments_on):
    now = timezone.now().replace(microsecond=0)
    post = PostFactory(title="Report day", published_at=now + datetime.timedelta(hours=1))
    pages = ["/", reverse("media_center:list")]
    with travel_to(now):
        for page in pages:
            assert post.title not in text(client, page)
    with travel_to(now + datetime.timedelta(hours=1)):
        for page in pages:
            assert post.title in text(client, page), page


def test_a_kept_part_is_built_once_per_language(client, fragments_on):
    AreaFactory(title="Use of Force", title_es="Uso de la fuerza")
    assert "Use of Force" in text(client, "/")
    assert "Uso de la fuerza" in text(client, "/es/")
    assert "Uso de la fuerza" not in text(client, "/")


def test_the_tag_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="needs a name"):
        Template("{% load fragment_cache %}{% fragment timed %}x{% endfragment %}")
    rendered = Template('{% load fragment_cache %}{% fragment "t" n %}{{ n }}{% endfragment %}')
    assert rendered.render(Context({"n": 1})) == "1"


# The layout every page shares, and whole records, kept the same way


def test_each_address_keeps_its_own_menu_and_language_link(client, fragments_on):
    areas = text(client, reverse("areas:list"))
    posts = text(client, reverse("media_center:list"), {"category": "news"})

    def current_section(page):
        menu = page[page.index('<ul class="nav">') :]
        return re.findall(r'<a href="([^"]+)" aria-current="page">', menu[: menu.index("</ul>")])

    assert current_section(areas) == [reverse("areas:list")]
    assert current_section(posts) == [reverse("media_center:list")]
    with translation.override("es"):
        spanish = reverse("media_center:list")
    assert f'href="{spanish}?category=news"' in posts
    assert f'href="{spanish}?category=news"' not in text(client, reverse("media_center:list"))


def test_a_site_settings_save_shows_in_every_pages_layout_at_once(
    client, fragments_on, django_assert_max_num_queries
):
    settings = SiteSettings.load()
    settings.site_name = "Reform Tracker"
    settings.save()
    text(client, reverse("privacy"))
    with django_assert_max_num_queries(1):  # the layout reads nothing: only the page's text
        assert "Reform Tracker" in text(client, reverse("privacy"))
    settings.site_name = "Chicago Reform Tracker"
    settings.save()
    page = text(client, reverse("privacy"))
    assert page.count("Chicago Reform Tracker") >= 2  # the header and the footer


@pytest.mark.parametrize("kind", ["post", "draft", "decree"])
def test_a_kept_record_shows_a_save_at_once_and_reads_nothing_meanwhile(
    client, fragments_on, django_assert_num_queries, kind
):
    record = {
        "post": lambda: PostFactory(summary="Before the report."),
        "draft": lambda: PolicyFactory(summary="Before the report.", open_today=True),
        "decree": lambda: ConsentDecreeFactory(notes="Before the report."),
    }[kind]()
    field = "notes" if kind == "decree" else "summary"
    url = record.get_absolute_url()
    assert "Before the report." in text(client, url)
    with django_assert_num_queries(0):
        text(client, url)
    setattr(record, field, "After the report.")
    record.save()
    assert "After the report." in text(client, url)


def test_a_staff_preview_of_a_draft_post_is_never_kept_for_residents(staff_client, fragments_on):
    post = PostFactory(title="Not yet", status=Post.Status.DRAFT)
    assert "Not yet" in text(staff_client, post.get_preview_url())
    resident = Client()
    assert resident.get(post.get_absolute_url()).status_code == 404


def test_a_scheduled_post_gets_its_page_and_feeds_at_its_time(client, fragments_on):
    now = timezone.now().replace(microsecond=0)
    post = PostFactory(title="Report day", published_at=now + datetime.timedelta(hours=1))
    feeds = [reverse("media_center:feed"), reverse("media_center:feed_rss")]
    with travel_to(now):
        assert client.get(post.get_absolute_url()).status_code == 404
        for feed in feeds:
            assert post.title not in text(client, feed)
    with travel_to(now + datetime.timedelta(hours=1)):
        assert post.title in text(client, post.get_absolute_url())
        for feed in feeds:
            assert post.title in text(client, feed), feed


def test_a_new_record_counts_on_a_kept_list_at_once(client, fragments_on):
    PolicyFactory.create_batch(20)
    url = reverse("policies:list")
    assert client.get(url, {"page": 2}).status_code == 404
    PolicyFactory(title="Search Warrants")
    assert "Search Warrants" in text(client, url, {"page": 2})


def test_compressed_pages_are_kept_within_their_bound(monkeypatch):
    kept = NearCache(max_bytes=6400)
    monkeypatch.setattr(pagecache, "_compressed", kept)
    pages = {
        f"page-{n}": "".join(f"<p>{n}-{i}</p>" for i in range(2000)).encode() for n in range(5)
    }
    for etag, body in pages.items():
        assert brotli.decompress(pagecache.compressed(etag, "br", body)) == body
    assert 0 < kept.size <= 6400
    assert ("compressed", "page-0", "br") not in kept.kept  # the oldest left first
    assert ("compressed", "page-4", "br") in kept.kept


def test_a_page_asks_for_the_content_version_once_however_many_parts_it_keeps(client, fragments_on):
    PolicyFactory.create_batch(3)
    url = reverse("policies:list")  # the layout, the list's count and the list: three kept parts
    text(client, url)
    reads = mock.patch.object(content_version, "_read_current", wraps=content_version._read_current)
    with reads as read:
        text(client, url)
    assert read.call_count == 1


def test_a_change_during_a_request_is_read_again(db):
    with content_version.read_once():
        before = content_version.current()
        PolicyFactory()  # a save, as staff make in the admin
        assert content_version.current() != before
