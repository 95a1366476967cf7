"""Settings for the test suite: production settings with a throwaway key."""

import os

# The suite runs production settings, whatever a developer's .env says.
os.environ["DJANGO_ENV_FILE"] = ""
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURITY_CONTACT", "mailto:security@example.org")

from .settings import *  # noqa: F403
from .settings import STORAGES, VAR_DIR

# Tests need no collectstatic manifest.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-uploads"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "http://testserver"
# Tests measure what a page costs to render; tests/core/test_page_cache.py turns
# the page cache on where it is what they test.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE = False
# One process: the version stays in its cache (tests/core/test_content_version_file.py
# tests the file that the processes of an app server share).
CONTENT_VERSION_FILE = None
