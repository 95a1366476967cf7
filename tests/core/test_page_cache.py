"""The page cache: public pages served from the shared cache, never stale, never personal."""

import datetime
import gzip
import re
from unittest import mock

import brotli
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from core import content_version
from core.models import SiteSettings
from core.pagecache import PageCacheMiddleware
from media_center.models import Post
from tests.factories import (
    AnnouncementFactory,
    AreaFactory,
    PostFactory,
    admin_form_in_english,
    local_noon,
)
from tests.html_text import visible_text

pytestmark = pytest.mark.django_db


def travel_to(moment):
    """Every clock of the site (pages and the page cache) reads ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_second_visit_is_served_from_the_cache_without_a_query(
    client, page_cache, django_assert_num_queries
):
    AreaFactory(title="Use of Force")
    first = client.get(reverse("areas:list"))
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(reverse("areas:list"))
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Use of Force" in second.content.decode()


def test_a_staff_save_shows_at_once(client, page_cache):
    area = AreaFactory(title="Use of Force")
    assert "Use of Force" in client.get(reverse("areas:list")).content.decode()
    area.title = "Use of Force and De-escalation"
    area.save()
    page = client.get(reverse("areas:list"))
    assert page["X-Page-Cache"] == "miss"
    assert "Use of Force and De-escalation" in page.content.decode()


def test_a_staff_save_in_the_admin_shows_at_once(client, staff_client, page_cache):
    from core.demo import SITE

    SiteSettings(**SITE).save()
    assert "What We Are Doing" in client.get("/").content.decode()
    data = admin_form_in_english(
        SiteSettings,
        {**SITE, "accent_color": "#0b3d66", "what_heading": "What Has Changed This Month"},
    )
    answer = staff_client.post(reverse("admin:core_sitesettings_change", args=[1]), data)
    assert answer.status_code == 302, answer.content
    assert "What Has Changed This Month" in client.get("/").content.decode()


def test_deleting_and_relating_records_show_at_once(client, page_cache):
    area = AreaFactory(title="Training")
    post = PostFactory(title="Recruits finish de-escalation course")
    area_page = area.get_absolute_url()
    assert "Recruits finish" not in client.get(area_page).content.decode()
    post.areas.add(area)  # a many-to-many change, no save of either record
    assert "Recruits finish" in client.get(area_page).content.decode()
    post.delete()
    assert "Recruits finish" not in client.get(area_page).content.decode()


def test_a_bulk_import_shows_at_once(client, page_cache):
    area = AreaFactory(title="Training")
    assert "No decree paragraphs" in client.get(area.get_absolute_url()).content.decode()
    from areas.imports import ParagraphImport

    ParagraphImport().run(f"number,area\n153,{area.slug}\n".encode())
    assert "¶ 153" in client.get(area.get_absolute_url()).content.decode()


def test_a_staff_save_is_visible_at_once_on_a_second_app_server(page_cache, shared_redis):
    """Two app servers: each its own middleware and clock, one Redis between them."""
    area = AreaFactory(title="Use of Force")
    server_a, server_b = Client(), Client()
    assert server_a.get(reverse("areas:list"))["X-Page-Cache"] == "miss"
    cached = server_b.get(reverse("areas:list"))
    assert cached["X-Page-Cache"] == "hit"  # stored by the other server
    version_key = f"{shared_redis.prefix}:1:{content_version.VERSION_KEY}"
    before = shared_redis.get(version_key)
    assert before

    area.title = "Use of Force and De-escalation"
    area.save()  # on server A, say

    assert shared_redis.get(version_key) != before
    page = server_b.get(reverse("areas:list"))
    assert page["X-Page-Cache"] == "miss"
    assert "Use of Force and De-escalation" in page.content.decode()
    assert server_a.get(reverse("areas:list"))["X-Page-Cache"] == "hit"


def test_a_scheduled_post_appears_at_its_time_without_a_save(client, page_cache):
    now = local_noon()
    post = PostFactory(title="Report day", published_at=now + datetime.timedelta(hours=1))
    link = post.get_absolute_url()
    pages = ["/", reverse("media_center:list"), reverse("media_center:feed"), "/sitemap.xml"]
    with travel_to(now):
        for page in pages:
            assert link not in client.get(page).content.decode()
            assert client.get(page)["X-Page-Cache"] == "hit"
    with travel_to(now + datetime.timedelta(minutes=59, seconds=59)):
        assert client.get(pages[1])["X-Page-Cache"] == "hit"
    with travel_to(now + datetime.timedelta(hours=1)):
        for page in pages:
            assert link in client.get(page).content.decode(), page
        assert client.get(link).status_code == 200


def test_an_announcement_shows_and_goes_with_its_window(client, page_cache):
    now = timezone.now().replace(microsecond=0)
    AnnouncementFactory(
        title="Town hall tonight",
        starts_at=now + datetime.timedelta(hours=2),
        ends_at=now + datetime.timedelta(hours=5),
    )
    with travel_to(now):
        assert "Town hall tonight" not in client.get("/").content.decode()
    with travel_to(now + datetime.timedelta(hours=2)):
        assert "Town hall tonight" in client.get("/").content.decode()
    with travel_to(now + datetime.timedelta(hours=5)):
        assert "Town hall tonight" not in client.get("/").content.decode()


def test_a_comment_window_opens_at_local_midnight_without_a_save(client, page_cache):
    from tests.policies.factories import PolicyFactory

    midnight = timezone.make_aware(datetime.datetime(2030, 5, 2))  # in TIME_ZONE
    PolicyFactory(
        title="Body-worn cameras",
        comment_opens=datetime.date(2030, 5, 2),
        comment_closes=datetime.date(2030, 5, 20),
    )
    with travel_to(midnight - datetime.timedelta(seconds=1)):
        assert "Open for comment now: Body-worn cameras" not in visible_text(client.get("/"))
    with travel_to(midnight):
        assert "Open for comment now: Body-worn cameras" in visible_text(client.get("/"))


def test_public_pages_may_be_kept_briefly_by_proxies_but_never_past_a_change(client, page_cache):
    # At noon, so that local midnight (a scheduled change) is never within the minute.
    now = local_noon()
    with travel_to(now):
        control = client.get(reverse("areas:list"))["Cache-Control"]
    assert "public" in control
    assert "max-age=60" in control
    PostFactory(published_at=now + datetime.timedelta(seconds=30))
    with travel_to(now):
        control = client.get(reverse("areas:list"))["Cache-Control"]
    assert "max-age=30" in control or "max-age=29" in control
    assert "stale-while-revalidate" not in control


def test_a_conditional_get_answers_304(client, page_cache):
    page = client.get(reverse("areas:list"))
    assert page["ETag"].startswith('W/"')
    again = client.get(reverse("areas:list"), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == page["ETag"]


def test_a_conditional_get_answers_304_with_the_cache_off(client):
    page = client.get(reverse("areas:list"))
    assert page["X-Page-Cache"] == "off"
    again = client.get(reverse("areas:list"), HTTP_IF_NONE_MATCH=page["ETag"])
    assert again.status_code == 304


def test_the_feed_answers_if_modified_since_with_304(client, page_cache):
    PostFactory(title="Report day")
    feed = client.get(reverse("media_center:feed"))
    assert feed.status_code == 200
    again = client.get(reverse("media_center:feed"), HTTP_IF_MODIFIED_SINCE=feed["Last-Modified"])
    assert again.status_code == 304


def test_a_changed_page_gets_a_new_etag(client, page_cache):
    area = AreaFactory(title="Training")
    etag = client.get(reverse("areas:list"))["ETag"]
    area.title = "Training and supervision"
    area.save()
    page = client.get(reverse("areas:list"), HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200
    assert page["ETag"] != etag


@pytest.mark.parametrize(
    ("coding", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_public_pages_are_compressed_when_the_client_accepts_it(
    client, page_cache, coding, decompress
):
    AreaFactory(title="Training")
    plain = client.get(reverse("areas:list")).content
    for _ in range(2):  # stored, then from the cache
        packed = client.get(reverse("areas:list"), HTTP_ACCEPT_ENCODING=f"{coding}, identity")
        assert packed["Content-Encoding"] == coding
        assert "Accept-Encoding" in packed["Vary"]
        assert decompress(packed.content) == plain
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain)


def test_pages_with_a_form_are_never_cached_nor_compressed(client, page_cache):
    """Each visitor gets a fresh CSRF token and form token; no BREACH leak of either."""
    first = client.get(reverse("feedback:form"), HTTP_ACCEPT_ENCODING="br, gzip")
    second = Client().get(reverse("feedback:form"), HTTP_ACCEPT_ENCODING="br, gzip")
    for page in (first, second):
        assert "X-Page-Cache" not in page
        assert "Content-Encoding" not in page
        assert "private" in page["Cache-Control"]
    tokens = [
        re.search(r'name="form_token" value="([^"]+)"', page.content.decode())[1]
        for page in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_signed_in_staff_are_never_served_or_given_a_cached_page(
    client, staff_client, page_cache, django_assert_max_num_queries
):
    AreaFactory(title="Training")
    client.get(reverse("areas:list"))  # stored for anonymous visitors
    page = staff_client.get(reverse("areas:list"))
    assert "X-Page-Cache" not in page
    assert "public" not in page.get("Cache-Control", "")


def test_the_query_string_and_the_language_are_part_of_the_key(client, page_cache, rf):
    PostFactory(title="A press release", category=Post.Category.PRESS_RELEASE)
    PostFactory(title="An event", category=Post.Category.EVENT)
    events = client.get(reverse("media_center:list"), {"category": "event"}).content.decode()
    releases = client.get(reverse("media_center:list"), {"category": "press-release"})
    assert "An event" in events
    assert "A press release" not in events
    assert "A press release" in releases.content.decode()
    middleware = PageCacheMiddleware(lambda request: None)
    request = rf.get("/areas/")
    with translation.override("en"):
        english = middleware.key(request, "v1", None)
    with translation.override("es"):
        spanish = middleware.key(request, "v1", None)
    assert english != spanish


def test_a_feedback_submission_leaves_the_page_cache_be(client, page_cache, valid_data):
    client.get(reverse("areas:list"))
    Client().post(reverse("feedback:form"), valid_data)
    assert client.get(reverse("areas:list"))["X-Page-Cache"] == "hit"
