"""Figures and page parts that are costly to build and the same for everyone, cached by content version.

``cached("area-progress", build, area.pk)`` returns what ``build()`` returns,
built once per content version (``core.content_version``) and language and
kept in the shared cache, so the first visitor after a change builds it and
every app server uses it until the next change. Only for things that time
alone does not change (a scheduled post is not one) are cached until content
changes, however long that takes; the rest (``timed=True``) until content
changes or the next moment time changes a page, whichever comes first. Without a cache that answers, it
is built every time.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from . import content_version
from .pagecache import next_change_while

# Kept at most this long, so that entries of old versions leave the cache.
FRAGMENT_SECONDS = 24 * 60 * 60


def cached(name, build, *parts, timed=False):
    """``build()``, cached under ``name`` and ``parts`` for the current content version.

    ``timed``: what ``build()`` gives also changes when time alone changes a
    page (a scheduled post going public, ``pagecache.next_change``), so the
    entry holds only until the next such moment.
    """
    if settings.FRAGMENT_CACHE is False or not content_version.retry_pending():
        return build()
    version = content_version.current()
    if version is None:
        return build()
    if timed:
        until = next_change_while(version, timezone.now())
        parts = (*parts, "none" if until is None else int(until.timestamp()))
    # The parts (a query string, a search) hashed: a key holds no spaces and stays short.
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    key = ":".join(["fragment", name, translation.get_language() or "", version, digest])
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, FRAGMENT_SECONDS)
    return found
