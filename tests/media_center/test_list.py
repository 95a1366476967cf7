"""The Media Center's list: newest first, ten a page, filtered by category without JavaScript."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from media_center.models import Post
from tests.factories import PostFactory

from .factories import PostWithCoverFactory

pytestmark = pytest.mark.django_db

LIST = "/media-center/"
EMPTY = "No recent posts have been published at this time."


def titles(html):
    return re.findall(r'<h2><a href="/media-center/[^"]+/">([^<]+)</a></h2>', html)


def make_posts(count, **fields):
    """``count`` published posts, "Post 1" the oldest, an hour apart."""
    start = timezone.now() - datetime.timedelta(days=30)
    return [
        PostFactory(title=f"Post {n}", published_at=start + datetime.timedelta(hours=n), **fields)
        for n in range(1, count + 1)
    ]


def test_empty_media_center_says_so_in_the_sites_words(client):
    html = client.get(LIST).content.decode()
    assert EMPTY in html
    assert 'aria-label="Pages of posts"' not in html


def test_posts_are_listed_newest_first_ten_a_page(client):
    make_posts(23)
    first = client.get(LIST).content.decode()
    assert titles(first) == [f"Post {n}" for n in range(23, 13, -1)]
    third = client.get(LIST, {"page": 3}).content.decode()
    assert titles(third) == ["Post 3", "Post 2", "Post 1"]


def test_pagination_is_labelled_for_screen_readers(client):
    make_posts(23)
    html = client.get(LIST, {"page": 2}).content.decode()
    nav = re.search(r'<nav class="pagination" aria-label="Pages of posts">.*?</nav>', html, re.S)
    assert nav, "no labelled pagination"
    nav = nav.group(0)
    assert "Page 2 of 3" in nav
    assert re.search(
        r'<a href="\?page=2" aria-current="page"><span class="visually-hidden">Page </span>2</a>',
        nav,
    )
    assert nav.count('aria-current="page"') == 1
    assert '<a href="?page=1" rel="prev">Previous page</a>' in nav
    assert '<a href="?page=3" rel="next">Next page</a>' in nav


def test_first_and_last_pages_have_no_link_beyond_them(client):
    make_posts(11)
    assert 'rel="prev"' not in client.get(LIST).content.decode()
    last = client.get(LIST, {"page": 2}).content.decode()
    assert 'rel="next"' not in last
    assert 'rel="prev"' in last


def test_a_page_past_the_end_is_not_found(client):
    make_posts(3)
    assert client.get(LIST, {"page": 2}).status_code == 404
    assert client.get(LIST, {"page": "abc"}).status_code == 404


def test_category_filter_is_a_set_of_plain_links(client):
    html = client.get(LIST).content.decode()
    nav = re.search(
        r'<nav class="category-filter" aria-label="Post categories">.*?</nav>', html, re.S
    )
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(0))
    assert links == [
        ("/media-center/", "All posts"),
        ("/media-center/?category=press-release", "Press release"),
        ("/media-center/?category=news", "News"),
        ("/media-center/?category=update", "Update"),
        ("/media-center/?category=event", "Event"),
    ]
    assert '<a href="/media-center/" aria-current="page">All posts</a>' in nav.group(0)


def test_category_filter_shows_only_that_category_and_keeps_it_across_pages(client):
    make_posts(12, category=Post.Category.EVENT)
    PostFactory(title="A press release", category=Post.Category.PRESS_RELEASE)
    html = client.get(LIST, {"category": "event"}).content.decode()
    assert "A press release" not in html
    assert len(titles(html)) == 10
    assert '<a href="/media-center/?category=event" aria-current="page">Event</a>' in html
    assert '<a href="?category=event&amp;page=2" rel="next">' in html
    page_two = client.get(LIST, {"category": "event", "page": 2}).content.decode()
    assert titles(page_two) == ["Post 2", "Post 1"]
    assert "<title>Event · Media Center · page 2" in page_two


def test_a_category_with_no_posts_says_which_is_empty_and_offers_a_way_back(client):
    PostFactory(category=Post.Category.NEWS)
    html = client.get(LIST, {"category": "press-release"}).content.decode()
    assert "No posts in “Press release” have been published yet." in html
    assert EMPTY not in html  # other categories do have posts
    assert "See posts in every category" in html


def test_an_unknown_category_shows_every_post(client):
    make_posts(2)
    html = client.get(LIST, {"category": "<script>"}).content.decode()
    assert titles(html) == ["Post 2", "Post 1"]
    assert "<script>" not in html


def test_a_featured_post_is_shown_larger_with_a_label(client):
    PostWithCoverFactory(title="Big news", featured=True)
    PostWithCoverFactory(title="Small news")
    html = client.get(LIST).content.decode()
    featured = re.search(r'<li class="post-item has-image post-featured">.*?</li>', html, re.S)
    assert "Big news" in featured.group(0)
    assert "<strong>Featured</strong>" in featured.group(0)
    assert 'sizes="(min-width: 46rem) 44rem' in featured.group(0)
    assert html.count("post-featured") == 1


def test_list_images_offer_renditions_with_their_sizes(client):
    post = PostWithCoverFactory(title="With a photo")
    html = client.get(LIST).content.decode()
    stem = post.cover_image.name.rsplit(".", 1)[0]
    img = re.search(r"<img [^>]+>", html).group(0)
    assert f'src="/uploads/{stem}-960w.webp"' in img
    assert (
        f"/uploads/{stem}-480w.webp 480w, /uploads/{stem}-960w.webp 960w, /uploads/{stem}-1600w.webp 1600w"
        in img
    )
    assert 'sizes="(min-width: 40rem) 12rem, calc(100vw - 2rem)"' in img
    assert 'width="1600" height="960"' in img
    assert 'alt="Residents at a district council meeting"' in img
    assert post.cover_image.name not in html  # the original is never sent


def test_list_query_count_does_not_grow_with_posts(client, django_assert_max_num_queries):
    PostWithCoverFactory()
    client.get(LIST)  # warm the cached site settings
    with CaptureQueriesContext(connection) as one_post:
        client.get(LIST)
    PostWithCoverFactory.create_batch(14, featured=True, cover_size=(640, 400))
    make_posts(15, category=Post.Category.UPDATE)
    with django_assert_max_num_queries(len(one_post)):
        html = client.get(LIST).content.decode()
    assert len(titles(html)) == 10


def test_home_page_shows_the_latest_three_with_their_photos(client, django_assert_max_num_queries):
    PostWithCoverFactory()
    client.get("/")
    with CaptureQueriesContext(connection) as one_post:
        client.get("/")
    posts = PostWithCoverFactory.create_batch(6, cover_size=(640, 400))
    with django_assert_max_num_queries(len(one_post)):
        html = client.get("/").content.decode()
    assert html.count('class="cover-image"') == 3
    for post in posts[-3:]:
        assert post.title in html
