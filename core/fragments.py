"""Figures and page parts that are costly to build and the same for everyone, cached by content version.

``cached("area-progress", build, area.pk)`` returns what ``build()`` returns,
built once per content version (``core.content_version``), language and
release of the code (``core.release``) and kept in the shared cache, so the first visitor after a change builds it and
every app server uses it until the next change. Only for things that time
alone does not change (a scheduled post is not one) are cached until content
changes, however long that takes; the rest (``timed=True``) until content
changes or the next moment time changes a page, whichever comes first. Without a cache that answers, it
is built every time.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from . import content_version
from .near_cache import near
from .pagecache import next_change_while
from .release import release

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
    language = translation.get_language() or ""
    key = ":".join(["fragment", release(), name, language, version, digest])
    found = near.get(key)
    if found is None:
        found = cache.get(key)
        if found is None:
            found = build()
            cache.set(key, found, FRAGMENT_SECONDS)
        near.set(key, found, FRAGMENT_SECONDS)
    return found


class KeptObjectMixin:
    """For a public ``DetailView``: its object, as its queryset reads it (annotations
    and prefetches included), read once per content version and until time next
    changes a page, under the name ``kept_as``.

    Only for what changes with content and time: nothing residents send (feedback
    leaves the content version be) may show through the kept object. Staff
    previews keep nothing (``core.preview.StaffPreviewMixin``); a page that is
    not found is not kept.
    """

    kept_as = None

    def get_object(self, queryset=None):
        read = super().get_object
        if self.kept_as is None or queryset is not None:
            return read(queryset)
        return cached(self.kept_as, read, *sorted(self.kwargs.items()), timed=True)


class KeptCountMixin:
    """For a paginated public ``ListView``: how many records each filter (the query
    string without the page number) finds, counted once per content version and
    until time next changes a page. The page's records are still read where the
    template shows them, usually inside a ``{% fragment %}``.
    """

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        filters = self.request.GET.copy()
        filters.pop(self.page_kwarg, None)
        name = f"count-{type(self).__name__}"
        # ``Paginator.count`` is a cached property: the number given here is the one it keeps.
        paginator.count = cached(name, queryset.count, filters.urlencode(), timed=True)
        return paginator


def kept_view(name, headers=("Content-Type", "Last-Modified", "X-Robots-Tag")):
    """Decorate a view whose whole answer is costly and the same for everyone (a feed,
    the sitemap): its text and ``headers`` are kept per address, content version and
    scheduled change, whether or not the page cache is on. Any answer but a 200 is
    given as the view gave it, and not kept.
    """

    def decorate(view):
        @functools.wraps(view)
        def kept(request, *args, **kwargs):
            answered = None

            def build():
                nonlocal answered
                answered = view(request, *args, **kwargs)
                if hasattr(answered, "render"):  # a TemplateResponse
                    answered.render()
                if answered.status_code != 200 or answered.streaming:
                    return None
                return answered.content, {h: answered[h] for h in headers if h in answered}

            found = cached(name, build, request.build_absolute_uri(), timed=True)
            if found is None:
                return answered if answered is not None else view(request, *args, **kwargs)
            content, kept_headers = found
            return HttpResponse(content, headers=kept_headers)

        return kept

    return decorate
