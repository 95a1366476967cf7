"""The content version: one value in the shared cache that changes whenever public content does.

Every cached page (``core.pagecache``) and cached figure is stored with the
version it was built from, and a version that is no longer current is never
served. Since the version lives in the shared cache (Redis with ``REDIS_URL``),
a staff save on one app server shows at once on every other one.

What changes it, without a list of models to keep up to date:

- a save or delete of any model of this project's apps, and any change of a
  many-to-many relation between them (models added later are included);
- ``content_changed()``, which code that writes without model signals
  (``bulk_create``, ``bulk_update``, ``QuerySet.update``, raw SQL: imports and
  management commands) calls once it has written.

A model whose records never appear on a cached page says so with
``affects_public_pages = False`` (feedback and dropped submissions: a report
day's submissions must not empty the page cache). Historical records
(django-simple-history's ``instance_type``) follow the model they record.

Inside a transaction the version changes at once and again after the commit:
a page built meanwhile from the old rows is then stored under a version that
is already out of date. If the cache does not answer, the change is retried
by this process before it next uses the cache.
"""

import contextlib
import contextvars
import logging
import os
import secrets
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .registry import is_project_app

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"

_pending = False  # a change this process could not record in the cache yet


def _new_version():
    return f"{time.time_ns():x}-{secrets.token_hex(3)}"


def bump():
    """Record a new version; remember to retry if it could not be recorded."""
    global _pending
    _forget_for_this_request()
    path = settings.CONTENT_VERSION_FILE
    if path:
        _pending = not _write(Path(path), _new_version())
        return
    announce = getattr(cache, "announce", None)  # Redis: tells every app server at once
    if announce:
        announce(VERSION_KEY, _new_version())
    else:
        cache.set(VERSION_KEY, _new_version(), timeout=None)
    _pending = not getattr(cache, "reachable", True)


def retry_pending():
    """Record a change that failed earlier; True once nothing is pending."""
    if _pending:
        bump()
    return not _pending


def current():
    """The current version, starting one if there is none; None if it cannot be read.

    Within ``read_once()`` (a request) it is read once, and again after a change.
    """
    held = _this_request.get()
    if held and held[0] is not None:
        return held[0]
    version = _read_current()
    if held:
        held[0] = version
    return version


@contextlib.contextmanager
def read_once():
    """Read the version at most once within (one request: the layout, each kept part
    and the page cache would otherwise each ask the shared cache for it)."""
    token = _this_request.set([None])
    try:
        yield
    finally:
        _this_request.reset(token)


_this_request = contextvars.ContextVar("content_version_this_request", default=None)


def _forget_for_this_request():
    held = _this_request.get()
    if held:
        held[0] = None


def _read_current():
    path = settings.CONTENT_VERSION_FILE
    if path:
        version = _read(Path(path))
        if version is None and _write(Path(path), _new_version(), only_if_missing=True):
            version = _read(Path(path))
        return version
    # With Redis, each process keeps the version until a change is announced.
    get = getattr(cache, "get_watched", cache.get)
    version = get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = get(VERSION_KEY)
    return version


# Without a shared cache (no REDIS_URL) each process of an app server keeps its own
# cache, and the processes share the version through a file (CONTENT_VERSION_FILE):
# reading a few bytes costs microseconds.


def _read(path):
    try:
        return path.read_text().strip() or None
    except FileNotFoundError:
        return None
    except OSError as error:
        _warn_once(error)
        return None


def _write(path, version, only_if_missing=False):
    """Write ``version`` whole (a reader never sees half of it); False if it could not be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if only_if_missing:
            with path.open("x") as file:  # only one process starts the version
                file.write(version)
            return True
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(version)
        os.replace(partial, path)
        return True
    except FileExistsError:
        return True
    except OSError as error:
        _warn_once(error)
        return False


_warned = False


def _warn_once(error):
    global _warned
    if not _warned:
        _warned = True
        logger.error(
            "Cannot read or write the content version at %s (CONTENT_VERSION_FILE): %s. "
            "Pages are built on every request until it can be.",
            settings.CONTENT_VERSION_FILE,
            error,
        )


def content_changed(using="default"):
    """Say that public content changed; call after writing without model signals."""
    bump()
    if connections[using].in_atomic_block:
        transaction.on_commit(bump, using=using)


def affects_public_pages(model):
    """Whether saving ``model`` can change a public page."""
    recorded = getattr(model, "instance_type", None)  # a historical record's model
    return getattr(recorded or model, "affects_public_pages", True)


def _saved_or_deleted(sender, using="default", **kwargs):
    content_changed(using)


def _relation_changed(sender, instance, action, using="default", **kwargs):
    if (
        action.startswith("post_")
        and sender._meta.apps is apps  # not a migration's historical models
        and is_project_app(sender._meta.app_config)
        and affects_public_pages(type(instance))
    ):
        content_changed(using)


def connect_signals():
    """Listen to every model of this project's apps (from ``CoreConfig.ready``)."""
    for model in apps.get_models(include_auto_created=True):
        if is_project_app(model._meta.app_config) and affects_public_pages(model):
            uid = f"content-version:{model._meta.label}"
            post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=uid)
            post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_relation_changed, dispatch_uid="content-version:m2m")
