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

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
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


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose calls answer as a miss, quickly, while Redis is unreachable."""

    RETRY_SECONDS = 5.0
    WARN_EVERY_SECONDS = 60.0
    # Short socket timeouts: a request must not hang on a cache it can do without.
    DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**self.DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
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

    def _call(self, fallback, method, *args, **kwargs):
        if self._failing and time.monotonic() < self._down_until:
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
