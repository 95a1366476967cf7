"""Fixtures shared by the whole suite."""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# in the same test are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (site settings, rate limits)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A request in Spanish leaves Spanish active in the thread, as it would in a server
    thread until its next request; a test's own records are written in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def demo_content(db):
    """The demo content, loaded as `make run` loads it."""
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.VAR_DIR / "test-uploads", ignore_errors=True)
