"""Page query counts stay the same however many policies and documents there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AreaFactory, PostFactory

from .factories import DocumentFactory, PolicyExtensionFactory, PolicyFactory

pytestmark = pytest.mark.django_db


def add_policies(count, areas):
    """Policies with everything a page may show: areas, posts, extensions, versioned documents."""
    for _ in range(count):
        policy = PolicyFactory(what_we_heard="We heard a lot.")
        policy.areas.set(areas)
        policy.posts.add(PostFactory())
        PolicyExtensionFactory(policy=policy)
        earlier = DocumentFactory(policy=policy, published_on=datetime.date(2023, 8, 1))
        DocumentFactory(policy=policy, supersedes=earlier).areas.set(areas)


def queries_for(client, url, django_assert_max_num_queries, areas, *, params=None):
    """The queries for ``url`` with a few policies must also do for many."""
    add_policies(2, areas)
    client.get(url, params)  # warm the site settings cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, params).status_code == 200
    add_policies(15, areas)
    with django_assert_max_num_queries(len(few)):
        assert client.get(url, params).status_code == 200
    return len(few)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        (reverse("policies:list"), None),
        (reverse("policies:list"), {"status": "open", "area": "area-q"}),
        (reverse("policies:documents"), None),
        (
            reverse("policies:documents"),
            {"kind": "draft", "area": "area-q", "earlier": "on", "q": "Doc"},
        ),
        ("/", None),
    ],
)
def test_list_pages_query_count_does_not_grow(
    client, clock, django_assert_max_num_queries, url, params
):
    areas = [AreaFactory(slug="area-q"), AreaFactory()]
    count = queries_for(client, url, django_assert_max_num_queries, areas, params=params)
    assert count <= (10 if url == "/" else 8)  # the home page draws on every section


def test_area_page_query_count_does_not_grow(client, clock, django_assert_max_num_queries):
    areas = [AreaFactory(), AreaFactory()]
    count = queries_for(client, areas[0].get_absolute_url(), django_assert_max_num_queries, areas)
    assert count <= 6  # the area, its paragraphs and ratings, posts, drafts, upcoming events


def test_draft_page_query_count_does_not_grow_with_documents_or_extensions(
    client, clock, django_assert_max_num_queries
):
    areas = [AreaFactory(), AreaFactory()]
    policy = PolicyFactory()
    policy.areas.set(areas)

    def grow(count):
        for _ in range(count):
            PolicyExtensionFactory(policy=policy)
            earlier = DocumentFactory(policy=policy)
            DocumentFactory(policy=policy, supersedes=earlier)
            policy.posts.add(PostFactory())
            policy.areas.add(AreaFactory())

    grow(1)
    client.get(policy.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(policy.get_absolute_url())
    grow(10)
    with django_assert_max_num_queries(len(few)):
        client.get(policy.get_absolute_url())
    assert len(few) <= 7  # one of them: the upcoming meetings about the draft
