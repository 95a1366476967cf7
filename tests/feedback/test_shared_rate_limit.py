"""The rate limit holds across several app servers that share a Redis cache (REDIS_URL)."""

import uuid

import pytest
from django.core.cache import caches

from tests.services import REDIS_TEST_URL, redis_or_skip

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_redis():
    """Settings for Django's RedisCache on the test Redis, under a prefix of this test's own."""
    client = redis_or_skip()
    prefix = f"test-{uuid.uuid4().hex}"

    def settings_for_one_app_server():
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_TEST_URL,
                "KEY_PREFIX": prefix,
            }
        }

    yield settings_for_one_app_server
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


def test_a_second_app_server_sees_the_first_ones_count(send, form_token, settings, shared_redis):
    settings.FEEDBACK_RATE_LIMIT = (2, 600)
    settings.CACHES = shared_redis()
    first_server_cache = caches["default"]
    assert send(form_token=form_token()).status_code == 302
    assert send(form_token=form_token()).status_code == 302

    # Another app server: its own connection to the same Redis.
    settings.CACHES = shared_redis()
    assert caches["default"] is not first_server_cache
    response = send(form_token=form_token(), message="Sent to the second server.")
    assert response.status_code == 429
    assert "Sent to the second server." in response.content.decode()


def test_a_process_local_cache_would_not_have_held(send, form_token, settings):
    """Why REDIS_URL matters: without it each server counts on its own."""
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.CACHES = {"default": {**local["default"], "LOCATION": "server-one"}}
    assert send(form_token=form_token()).status_code == 302
    settings.CACHES = {"default": {**local["default"], "LOCATION": "server-two"}}
    assert send(form_token=form_token()).status_code == 302
