"""The shared cache answers like an empty cache, quickly and quietly, while Redis is down."""

import logging

import pytest
from django.core.cache import caches

from core.redis_cache import ResilientRedisCache, describe


def unreachable(port):
    return ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {})


def test_an_unreachable_redis_answers_as_an_empty_cache(closed_port):
    cache = unreachable(closed_port)
    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("key", 1) is False
    assert cache.set("key", 1) is None
    assert cache.has_key("key") is False
    assert cache.delete("key") is False
    with pytest.raises(ValueError, match="not found"):
        cache.incr("key")
    assert not cache.reachable


def test_an_outage_is_logged_once_per_interval_and_its_end_once(closed_port, caplog, monkeypatch):
    cache = unreachable(closed_port)
    clock = {"now": 1000.0}
    monkeypatch.setattr("core.redis_cache.time.monotonic", lambda: clock["now"])
    with caplog.at_level(logging.WARNING, logger="core.redis_cache"):
        for _ in range(50):
            cache.get("key")
            clock["now"] += 1  # past the pause: Redis is asked again, and fails again
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 1
    assert f"127.0.0.1:{closed_port}" in messages[0]
    clock["now"] += cache.WARN_EVERY_SECONDS
    with caplog.at_level(logging.WARNING, logger="core.redis_cache"):
        cache.get("key")
    assert len(caplog.records) == 2


def test_after_a_failure_redis_is_not_asked_again_until_the_pause_ends(closed_port, monkeypatch):
    cache = unreachable(closed_port)
    cache.get("key")
    asked = []
    monkeypatch.setattr(cache._cache, "get", lambda *args: asked.append(args))
    cache.get("key")
    assert asked == []  # answered at once, without waiting on a connection


def test_the_shared_cache_works_and_says_when_redis_answers_again(shared_redis, caplog):
    cache = caches["default"]
    cache.set("key", "value")
    assert cache.get("key") == "value"
    assert cache.add("counter", 0)
    assert cache.incr("counter") == 1
    cache._failed(ConnectionError("blip"))
    cache._down_until = 0
    with caplog.at_level(logging.WARNING, logger="core.redis_cache"):
        assert cache.get("key") == "value"
    assert cache.reachable
    assert "answers again" in caplog.records[-1].getMessage()


def test_the_log_never_shows_the_redis_password():
    assert describe("redis://:s3cret@cache.internal:6380/2") == "cache.internal:6380/2"
    assert describe("rediss://user:s3cret@cache.internal/0") == "cache.internal/0"
