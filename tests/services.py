"""Services a few tests need: Chromium, Redis for the shared rate limit, Java for the Nu checker.

Where one is missing, the tests that need it skip with a reason. With
REQUIRE_SERVICES=1 (CI sets it) a missing service fails the run instead, so it
cannot pass by skipping. REQUIRE_BROWSER=1, the older name, still requires Chromium.
"""

import os

import pytest
import redis

OFF = {"", "0", "false", "no"}


def must_be_present(*also):
    """Whether a missing service must fail the run: REQUIRE_SERVICES, or one of ``also``, is set."""
    return any(os.environ.get(name, "").lower() not in OFF for name in ("REQUIRE_SERVICES", *also))


# The Redis the tests that need a real one use (CI sets it; keys go under a prefix per test).
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/1")


def redis_or_skip():
    """A client of the test Redis; without one, skip (or fail, where it must be present)."""
    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        message = f"Redis is not reachable at {REDIS_TEST_URL} (set REDIS_TEST_URL)."
        if must_be_present():
            pytest.fail(f"{message} REQUIRE_SERVICES says it must be there.")
        pytest.skip(message)
    return client
