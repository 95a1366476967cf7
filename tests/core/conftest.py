"""Fixtures for the page cache and the shared Redis cache."""

import socket
import uuid

import pytest

from tests.services import REDIS_TEST_URL, redis_or_skip


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (the suite runs with it off)."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE = True
    return settings


@pytest.fixture
def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_cache(settings, closed_port):
    """The site's Redis cache pointed at a port where no Redis answers."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    return closed_port


@pytest.fixture
def shared_redis(settings):
    """The site's cache on the test Redis, under a prefix of this test's own."""
    client = redis_or_skip()
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client.prefix = prefix
    yield client
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


@pytest.fixture
def valid_data():
    """A feedback form as a resident sends it, a minute after it was shown."""
    import time

    from feedback.abuse import new_form_token

    return {
        "message": "The new training videos are helpful. Please publish more of them.",
        "area": "",
        "name": "",
        "email": "",
        "zip_code": "",
        "language": "en",
        "website": "",
        "form_token": new_form_token(now=time.time() - 60),
    }
