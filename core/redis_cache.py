"""Django's Redis cache, made to answer like an empty cache while Redis is unreachable.

Why a small subclass of Django's own ``RedisCache`` rather than django-redis and
its ``DJANGO_REDIS_IGNORE_EXCEPTIONS``: Django's backend is the one the project
already runs, kept by Django itself, so this adds no client stack of its own;
and django-redis logs every ignored exception (one line per request during an
outage) and tries Redis again on every call, so a Redis host that drops packets
would cost each request its connection timeout. Here a failure switches the
cache off for ``RETRY_SECONDS`` (every call answers at once as a miss), then one
call tries again; the log gets one warning per ``WARN_EVERY_SECONDS`` while it
lasts and one line when Redis answers again.

While Redis is down: ``get`` returns the default, ``add``/``set``/``delete``
store nothing, ``incr`` raises ``ValueError`` (as for a missing key). Pages are
rendered from the database, site settings read from it, and the feedback rate
limit lets submissions through, so nothing a resident sends is lost.
"""

import contextlib
import logging
import os
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def describe(location):
    """``host:port/db`` of a Redis URL, without any password it holds."""
    parts = urlsplit(location)
    where = parts.hostname or location.split("@")[-1]
    if parts.port:
        where = f"{where}:{parts.port}"
    return where + (parts.path if parts.path not in ("", "/") else "")


class KeptClient(RedisCacheClient):
    """Django's Redis client, with one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` on every call; each builds its table of
    about 170 reply callbacks, which costs more CPU than the round trip itself
    (about 150 µs): on a page served from the cache, a third of the request. A
    ``redis.Redis`` is safe to share between threads (it takes a connection from
    its pool per command) and after a fork (the pool starts again in the child).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose calls answer as a miss, quickly, while Redis is unreachable."""

    RETRY_SECONDS = 5.0
    WARN_EVERY_SECONDS = 60.0
    # Short socket timeouts: a request must not hang on a cache it can do without.
    DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**self.DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = KeptClient
        self._where = ", ".join(describe(location) for location in self._servers)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._failing = False
        self._last_warning = float("-inf")

    @property
    def reachable(self):
        """False from a failed call until Redis answers again."""
        return not self._failing

    def ping(self):
        """Ask Redis directly, past the pause after a failure; raise if it does not answer."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self._failed(error)
            raise
        self._answered()

    def get_watched(self, key, default=None):
        """``get(key)``, kept in this process until a change is announced (``announce``).

        A page served from the cache would otherwise ask Redis for the content
        version on every request: a round trip that costs a third of the request.
        Instead each process subscribes to the key's channel and reads the key
        again only when a message has come in (see ``Watch``).
        """
        watch = _watch_for(self, key)
        with watch.lock:
            return watch.get(default)

    def announce(self, key, value):
        """Set ``key`` to ``value`` for good, and tell every process watching it."""
        self.set(key, value, timeout=None)
        if not self.reachable:  # not set: keep nothing (``content_version`` tries again)
            return
        _watch_for(self, key).changed_here(value)
        self._call(lambda: 0, self._cache.get_client(write=True).publish, _channel(self, key), "")

    def resting(self):
        """Whether Redis failed a moment ago: calls answer at once, without asking it."""
        return self._failing and time.monotonic() < self._down_until

    def _call(self, fallback, method, *args, **kwargs):
        if self.resting():
            return fallback()
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(error)
            return fallback()
        self._answered()
        return result

    def _failed(self, error):
        now = time.monotonic()
        with self._lock:
            self._failing = True
            self._down_until = now + self.RETRY_SECONDS
            warn = now - self._last_warning >= self.WARN_EVERY_SECONDS
            if warn:
                self._last_warning = now
        if warn:
            logger.warning(
                "The cache at %s does not answer (%s). Pages are served from the database "
                "and feedback is still stored; trying again every %d seconds.",
                self._where,
                error.__class__.__name__,
                self.RETRY_SECONDS,
            )

    def _answered(self):
        if self._failing:
            with self._lock:
                was_failing, self._failing = self._failing, False
                self._last_warning = float("-inf")
            if was_failing:
                logger.warning("The cache at %s answers again.", self._where)

    # Every public method of Django's RedisCache, each with what an empty cache answers.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(lambda: default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(lambda: False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call(dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(lambda: False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key {key!r} not found: the cache does not answer.")

        return self._call(missing, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(lambda: list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(lambda: None, super().delete_many, keys, version)

    def clear(self):
        return self._call(lambda: False, super().clear)


# Watching a key --------------------------------------------------------------


def _channel(cache, key):
    """The key's channel. Channels are not per database: it names the Redis database
    (without any password in its address), so two sites sharing a Redis do not mix."""
    return f"{cache.make_key(key)}:changed@{cache._where}"


_watches = {}
_watches_lock = threading.Lock()


def _watch_for(cache, key):
    channel = _channel(cache, key)
    watch = _watches.get(channel)
    if watch is None:
        with _watches_lock:
            watch = _watches.setdefault(channel, Watch(cache, key, channel))
    return watch


class Watch:
    """This process's copy of one key, read again only when a change is announced.

    The process subscribes to the key's channel (one more connection to Redis).
    Every request first takes whatever messages have arrived, without waiting
    (a few microseconds); a message, a reconnection or a subscription means the
    key is read again. Redis queues the message to every subscriber before it
    answers the process that announced the change, so a save has reached every
    app server's socket before the editor sees it saved.

    What a lost message would cost is bounded: the key is read again at least
    every ``LEASE_SECONDS``. While the subscription is down (Redis restarting, a
    fork: the parent's connection is not the child's), every call reads the key,
    as without a watch, and subscribing is tried again every ``RETRY_SECONDS``.
    """

    LEASE_SECONDS = 1.0
    RETRY_SECONDS = 5.0
    SUBSCRIBE_TIMEOUT = 0.5

    def __init__(self, cache, key, channel):
        self.cache, self.key, self.channel = cache, key, channel
        self.lock = threading.Lock()
        self.pid = None
        self.pubsub = None
        self.value = None
        self.read_at = float("-inf")
        self.retry_at = float("-inf")

    def get(self, default):
        now = time.monotonic()
        if self.pid != os.getpid():  # a new process: nothing of the parent's holds
            self.pid, self.pubsub, self.read_at = os.getpid(), None, float("-inf")
        if self.pubsub is None and now >= self.retry_at and not self.cache.resting():
            self._subscribe(now)
        if self.pubsub is None:
            return self.cache.get(self.key, default)
        try:
            changed = self._drain()
        except UNREACHABLE:
            self._unsubscribed(now)
            return self.cache.get(self.key, default)
        if changed or now - self.read_at >= self.LEASE_SECONDS:
            self.value = self.cache.get(self.key)
            # Nothing to keep if the key is missing or Redis did not answer.
            self.read_at = now if self.value is not None else float("-inf")
        return default if self.value is None else self.value

    def changed_here(self, value):
        """This process set the key: keep the value without waiting for the message."""
        with self.lock:
            if self.pubsub is not None and self.pid == os.getpid():
                self.value, self.read_at = value, time.monotonic()

    def _subscribe(self, now):
        pubsub = self.cache._cache.get_client(write=True).pubsub()
        try:
            pubsub.subscribe(self.channel)
            # Wait for Redis to confirm, so no change made after the read below is missed.
            confirmed = pubsub.get_message(timeout=self.SUBSCRIBE_TIMEOUT)
        except UNREACHABLE:
            confirmed = None
        if not confirmed or confirmed["type"] != "subscribe":
            self.pubsub = pubsub
            self._unsubscribed(now)
            return
        self.pubsub, self.read_at = pubsub, float("-inf")

    def _drain(self):
        """Take every message that has arrived; True if there was one."""
        changed = False
        while self.pubsub.get_message(timeout=0) is not None:
            changed = True
        return changed

    def _unsubscribed(self, now):
        pubsub, self.pubsub = self.pubsub, None
        self.retry_at = now + self.RETRY_SECONDS
        with contextlib.suppress(*UNREACHABLE):
            pubsub.close()
