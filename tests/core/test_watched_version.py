"""With Redis, each process keeps the content version until a change is announced.

A page served from the cache then costs no round trip to Redis, and a save on
any app server still shows at once on every other.
"""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse

from core import content_version, redis_cache
from tests.core.other_process import bump_in_another_process
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched(shared_redis, page_cache, monkeypatch):
    """The shared cache on the test Redis, with this process's clock stopped: the
    version is never read again for its age, only for a message (or without one).
    Every subscription is closed afterwards."""
    monkeypatch.setattr(redis_cache.time, "monotonic", lambda: 1000.0)
    yield shared_redis
    for watch in list(redis_cache._watches.values()):
        if watch.pubsub is not None:
            watch.pubsub.close()
    redis_cache._watches.clear()


def version_reads(monkeypatch):
    """A list that gets an entry each time the version is read from Redis."""
    reads = []
    real_get = redis_cache.ResilientRedisCache.get

    def get(self, key, *args, **kwargs):
        if key == content_version.VERSION_KEY:
            reads.append(key)
        return real_get(self, key, *args, **kwargs)

    monkeypatch.setattr(redis_cache.ResilientRedisCache, "get", get)
    return reads


def test_a_save_on_another_app_server_empties_this_ones_pages_at_once(client, watched):
    AreaFactory(title="Use of Force")
    url = reverse("areas:list")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    bump_in_another_process(CACHES=django_settings.CACHES)
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_pages_served_from_the_cache_do_not_ask_redis_for_the_version(client, watched, monkeypatch):
    AreaFactory(title="Use of Force")
    url = reverse("areas:list")
    client.get(url)
    reads = version_reads(monkeypatch)
    for _ in range(20):
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert reads == []


def test_a_save_here_shows_here_at_once(client, watched):
    area = AreaFactory(title="Use of Force")
    url = reverse("areas:list")
    client.get(url)
    area.title = "Use of Force and De-escalation"
    area.save()
    page = client.get(url)
    assert page["X-Page-Cache"] == "miss"
    assert "De-escalation" in page.content.decode()


def test_a_lost_subscription_falls_back_to_reading_and_misses_no_change(client, watched):
    AreaFactory(title="Use of Force")
    url = reverse("areas:list")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Redis drops this process's subscription (a restart, a network blip)...
    watched.client_kill_filter(_type="pubsub")
    # ... and meanwhile another app server saves.
    bump_in_another_process(CACHES=django_settings.CACHES)
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_change_set_without_an_announcement_shows_within_the_lease(watched, monkeypatch):
    """An app server of an older release, during a deploy, sets the version without a word."""
    clock = {"now": 2000.0}
    monkeypatch.setattr(redis_cache.time, "monotonic", lambda: clock["now"])
    before = content_version.current()
    cache.set(content_version.VERSION_KEY, "set-quietly", timeout=None)
    assert content_version.current() == before
    clock["now"] += redis_cache.Watch.LEASE_SECONDS
    assert content_version.current() == "set-quietly"


def test_a_new_process_does_not_use_its_parents_subscription(watched, monkeypatch):
    """gunicorn loads the site, then forks its workers: each subscribes for itself."""
    content_version.current()
    (watch,) = redis_cache._watches.values()
    parents = watch.pubsub
    monkeypatch.setattr(redis_cache.os, "getpid", lambda: -1)
    content_version.current()
    assert watch.pubsub is not None
    assert watch.pubsub is not parents
    parents.close()


def test_with_redis_unreachable_the_version_is_none_and_pages_are_built(client, unreachable_cache):
    AreaFactory(title="Use of Force")
    assert content_version.current() is None
    for _ in range(2):
        page = client.get(reverse("areas:list"))
        assert page.status_code == 200
        assert page["X-Page-Cache"] == "off"


def test_while_redis_rests_after_a_failure_the_watch_does_not_try_to_subscribe(
    unreachable_cache, monkeypatch
):
    """During an outage only the cache itself asks Redis, once per pause; the watch
    adds no wait of its own (a connection timeout, if the host drops packets)."""
    attempts = []
    monkeypatch.setattr(redis_cache.Watch, "_subscribe", lambda self, now: attempts.append(now))
    assert cache.get("anything") is None  # fails: the cache rests
    for _ in range(5):
        assert cache.get_watched(content_version.VERSION_KEY) is None
    assert attempts == []
