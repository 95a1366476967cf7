"""With the cache unreachable, every public page still renders and feedback is still stored."""

import logging

import pytest
from django.urls import reverse

from areas.sample import generate
from feedback.models import Feedback
from tests.comparisons.factories import ConsentDecreeFactory
from tests.factories import AnnouncementFactory, AreaFactory, PostFactory
from tests.policies.factories import DocumentFactory, PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    AreaFactory.create_batch(3)
    generate(paragraphs=12, reports=2, seed=5)
    area = AreaFactory(title="Training")
    post = PostFactory(title="Training update")
    announcement = AnnouncementFactory(title="Town hall")
    policy = PolicyFactory(title="Body-worn cameras")
    DocumentFactory(title="Camera policy draft", policy=policy)
    decree = ConsentDecreeFactory(city="Seattle")
    return {
        "area": area,
        "post": post,
        "announcement": announcement,
        "decree": decree,
        "policy": policy,
    }


def public_pages(content):
    return [
        "/",
        "/search/?q=training",
        "/robots.txt",
        "/sitemap.xml",
        reverse("areas:list"),
        content["area"].get_absolute_url(),
        reverse("areas:progress"),
        reverse("areas:data", args=["csv"]),
        reverse("areas:ratings", args=["json"]),
        reverse("media_center:list"),
        content["post"].get_absolute_url(),
        reverse("media_center:feed"),
        reverse("media_center:feed_rss"),
        content["announcement"].get_absolute_url(),
        reverse("policies:list"),
        content["policy"].get_absolute_url(),
        reverse("policies:documents"),
        reverse("feedback:form"),
        reverse("comparisons:list"),
        content["decree"].get_absolute_url(),
        reverse("comparisons:csv"),
        reverse("comparisons:json"),
    ]


def test_every_public_page_answers_with_the_cache_unreachable(
    client, content, page_cache, unreachable_cache, caplog
):
    with caplog.at_level(logging.WARNING, logger="core.redis_cache"):
        for _round in range(2):
            for page in public_pages(content):
                response = client.get(page)
                assert response.status_code == 200, page
                assert response.get("X-Page-Cache", "off") == "off", page
    warnings = [r for r in caplog.records if r.name == "core.redis_cache"]
    assert len(warnings) == 1  # one per interval, not one per request
    assert f"127.0.0.1:{unreachable_cache}" in warnings[0].getMessage()


def test_feedback_is_stored_with_the_cache_unreachable(
    client, page_cache, unreachable_cache, valid_data, django_capture_on_commit_callbacks
):
    assert client.get(reverse("feedback:form")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("feedback:form"), valid_data)
    assert sent.status_code == 302
    stored = Feedback.objects.get()
    assert stored.message == valid_data["message"]
    assert client.get(sent["Location"]).status_code == 200


def test_a_comment_on_an_open_draft_is_stored_with_the_cache_unreachable(
    client, page_cache, unreachable_cache, valid_data, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    today = timezone.localdate()
    policy = PolicyFactory(comment_opens=today, comment_closes=today.replace(year=today.year + 1))
    assert client.get(policy.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(policy.get_absolute_url(), valid_data)
    assert sent.status_code == 302
    assert Feedback.objects.get().policy == policy


def test_a_save_made_while_the_cache_was_down_shows_once_it_answers_again(
    client, page_cache, shared_redis, monkeypatch
):
    """A change that could not reach the cache is recorded before the cache is used again."""
    from django.core.cache import caches

    from core import content_version

    area = AreaFactory(title="Training")
    client.get(reverse("areas:list"))  # stored
    backend = caches["default"]
    original = backend._cache.set

    def redis_gone(*args, **kwargs):
        raise ConnectionError("Redis went away")

    monkeypatch.setattr(backend._cache, "set", redis_gone)
    area.title = "Training and supervision"
    area.save()  # the new version cannot be written
    assert content_version._pending
    monkeypatch.setattr(backend._cache, "set", original)
    backend._down_until = 0  # Redis answers again
    page = client.get(reverse("areas:list"))
    assert "Training and supervision" in page.content.decode()
    assert not content_version._pending
