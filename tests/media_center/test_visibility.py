"""Drafts and scheduled posts stay out of every public place until their time."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from media_center.models import Post
from media_center.sitemaps import PostSitemap
from tests.factories import AreaFactory, PostFactory

from .factories import PostWithCoverFactory

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = ["/", "/media-center/", "/media-center/feed/", "/media-center/feed/rss/"]


def seen_by_residents(client, post, area):
    """Where a resident finds ``post``: every list, feed and page that shows it."""
    places = [
        url for url in [*PUBLIC_LISTS, area.get_absolute_url()] if post.title in page(client, url)
    ]
    if client.get(post.get_absolute_url()).status_code == 200:
        places.append("its page")
    if post in PostSitemap().items():
        places.append("the sitemap")
    return places


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def area(db):
    return AreaFactory(title="Training")


def test_scheduled_post_is_hidden_until_its_time(client, area, time_travel):
    post = PostFactory(
        title="Training academy opens",
        published_at=timezone.now() + datetime.timedelta(hours=3),
    )
    post.areas.add(area)
    assert seen_by_residents(client, post, area) == []
    time_travel(hours=2, minutes=59)
    assert seen_by_residents(client, post, area) == []
    time_travel(hours=3, minutes=1)
    assert seen_by_residents(client, post, area) == [
        *PUBLIC_LISTS,
        area.get_absolute_url(),
        "its page",
        "the sitemap",
    ]


def test_draft_is_hidden_even_after_its_publish_time(client, area, time_travel):
    post = PostFactory(title="Unfinished draft", status=Post.Status.DRAFT)
    post.areas.add(area)
    time_travel(days=30)
    assert seen_by_residents(client, post, area) == []


def test_a_post_is_public_from_the_very_moment_it_is_scheduled_for():
    moment = timezone.now()
    post = PostFactory(published_at=moment)
    assert post in Post.objects.published(now=moment)
    assert post not in Post.objects.published(now=moment - datetime.timedelta(microseconds=1))


def test_area_page_lists_only_its_own_published_posts(client, area):
    other = AreaFactory(title="Supervision")
    mine = PostFactory(title="Training hours doubled")
    mine.areas.add(area)
    PostFactory(title="Supervisors appointed").areas.add(other)
    PostFactory(title="Not related to any area")
    html = page(client, area.get_absolute_url())
    assert "Training hours doubled" in html
    assert "Supervisors appointed" not in html
    assert "Not related to any area" not in html
    assert "News and updates" in html


def test_area_page_without_posts_has_no_empty_news_section(client, area):
    assert "News and updates" not in page(client, area.get_absolute_url())


def test_area_page_query_count_does_not_grow_with_its_posts(
    client, area, django_assert_max_num_queries
):
    PostWithCoverFactory().areas.add(area)
    client.get(area.get_absolute_url())  # warm the cached site settings
    with CaptureQueriesContext(connection) as one_post:
        client.get(area.get_absolute_url())
    for post in PostWithCoverFactory.create_batch(8, cover_size=(640, 400)):
        post.areas.add(area)
    with django_assert_max_num_queries(len(one_post)):
        html = page(client, area.get_absolute_url())
    assert html.count('class="cover-image"') == 5  # the five latest


def test_post_page_shows_its_related_areas(client, area):
    post = PostFactory(title="Training academy opens")
    post.areas.add(area)
    html = page(client, post.get_absolute_url())
    assert f'<a href="{reverse("areas:detail", args=[area.slug])}">Training</a>' in html
