"""The page cache for anonymous visitors, conditional GET, and compression of public pages.

``PageCacheMiddleware`` keeps every public page (HTML pages, feeds, the sitemap,
open-data downloads) in the shared cache, keyed by the full address (scheme,
host, path, query string), the active language and the release of the code
(``core.release``: a deploy never serves what the earlier release built), and
stored with the content version (``core.content_version``) it was built from,
so a staff save on any app server shows at once everywhere. A page is also stored with the next moment
when time alone changes what it says (``next_change``: a scheduled post's
time, an announcement's window, local midnight for comment windows and "years
in effect"), and is never served past it. ``PAGE_CACHE_SECONDS`` bounds how long
any page is kept; 0 switches the cache off (pages are still compressed and
answer conditional requests).

What is public: a GET or HEAD from a visitor without a session or messages
cookie (staff, and residents who just sent feedback, carry one), outside
``PAGE_CACHE_SKIP_PREFIXES``, answered 200 without setting a cookie, without
``Vary: Cookie`` (a page with a CSRF token has it) and without ``private``,
``no-cache`` or ``no-store`` (``never_cache`` pages: forms, confirmations,
previews). Only public responses are stored, compressed, marked
``Cache-Control: public`` and given an ``ETag``.

Compression and BREACH: a BREACH attack needs a secret (a CSRF token, personal
data) and text the attacker controls in the same compressed response. Public
responses are the same for every visitor and carry no secret, so they are
compressed (Brotli or gzip, once, when stored). Responses that may carry a
secret are never compressed, which closes the leak rather than blurring it as
Django's GZipMiddleware does by adding random bytes.

Place it after LocaleMiddleware (the language is part of the key) and before
everything a stored page need not run again.
"""

import datetime
import gzip
import hashlib
import logging
from dataclasses import dataclass, field
from itertools import chain

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe

from . import content_version
from .clock import earliest
from .near_cache import NearCache, near
from .registry import app_modules
from .release import release

logger = logging.getLogger(__name__)

# Headers a stored page does not keep: set again for each response, or never shared.
NOT_STORED = {
    "cache-control",
    "content-encoding",
    "content-length",
    "date",
    "etag",
    "expires",
    "set-cookie",
}
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/atom+xml")
MIN_COMPRESS_BYTES = 512
# How long a shared proxy or browser may keep a public page, and serve it stale
# while it asks again.
PUBLIC_MAX_AGE = 60
STALE_WHILE_REVALIDATE = 60


def next_change(now):
    """The next moment after ``now`` when time alone changes a public page, or None.

    Each app that has such moments offers ``next_change(now)`` in its ``schedule``
    module (found like its ``search`` and ``sitemaps`` modules).
    """
    return earliest(*(module.next_change(now) for module in app_modules("schedule")))


def visitor_may_share(request):
    """Whether this request may get (and give) the page every anonymous visitor gets."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(tuple(settings.PAGE_CACHE_SKIP_PREFIXES))
    )


def is_public(response):
    """Whether ``response`` is the same for every visitor and may be shared."""
    if response.status_code != 200 or response.cookies or response.has_header("Content-Encoding"):
        return False
    if has_vary_header(response, "Cookie"):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store"))


def accepted_encodings(request):
    """The content codings the client accepts (without ``q=0``)."""
    accepted = set()
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        coding, _sep, params = part.strip().partition(";")
        if coding and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            accepted.add(coding.strip().lower())
    return accepted


@dataclass
class Entry:
    """A public page as stored: its headers, its body and the body compressed."""

    version: str | None
    headers: list
    body: bytes
    etag: str
    compressible: bool
    streamed: bool = False  # a download: served as a stream again
    encoded: dict = field(default_factory=dict)  # "br"/"gzip" -> bytes, when smaller

    @classmethod
    def from_response(cls, response, version, max_bytes):
        """The entry for ``response``, or None if it streams more than ``max_bytes``."""
        if response.streaming:
            chunks, size = [], 0
            iterator = iter(response.streaming_content)
            for chunk in iterator:
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    return None, _restream(response, chain(chunks, iterator))
            body = b"".join(chunks)
        else:
            body = response.content
        headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
        content_type = response.get("Content-Type", "")
        entry = cls(
            version=version,
            headers=headers,
            body=body,
            etag=f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"',
            compressible=content_type.startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESS_BYTES,
            streamed=response.streaming,
        )
        return entry, None

    def near_size(self):
        """The bytes it holds, for ``near_cache``."""
        return len(self.body) + sum(len(packed or b"") for packed in self.encoded.values())

    def encode(self, coding):
        """The body in ``coding`` ("br", "gzip"), compressed once; None if not smaller."""
        if coding not in self.encoded:
            self.encoded[coding] = compressed(self.etag, coding, self.body)
        return self.encoded[coding]

    def compress_all(self):
        if self.compressible:
            self.encode("br")
            self.encode("gzip")

    def response(self, request, until, now, status="miss"):
        """This page for ``request``: compressed if accepted; 304 if the client has it.

        ``X-Page-Cache`` says whether it came from the cache (``hit``), was stored
        (``miss``) or the cache was off or did not answer (``off``).
        """
        body, coding = self.body, None
        if self.compressible:
            accepted = accepted_encodings(request)
            for candidate in ("br", "gzip"):
                if candidate in accepted and self.encode(candidate) is not None:
                    body, coding = self.encoded[candidate], candidate
                    break
        response = StreamingHttpResponse([body]) if self.streamed else HttpResponse(body)
        for key, value in self.headers:
            response[key] = value
        response["Content-Length"] = str(len(body))
        if coding:
            response["Content-Encoding"] = coding
        if self.compressible:
            patch_vary_headers(response, ["Accept-Encoding"])
        response["ETag"] = self.etag
        response["X-Page-Cache"] = status
        _mark_public(response, until, now)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return (
            get_conditional_response(
                request, etag=self.etag, last_modified=last_modified, response=response
            )
            or response
        )


def compressed(etag, coding, body):
    """``body`` in ``coding``, or None if that is not smaller; compressed once per process.

    With the page cache off or not answering, each request would compress its
    page again, though most pages come out byte for byte the same until content
    changes: compressing a megabyte (the sitemap, the ratings file) costs more
    than building it. So the compressed forms are kept by the body's hash
    (``Entry.etag``) in this process (``near_cache``), 16 MB at most.
    """
    key = ("compressed", etag, coding)
    packed = _compressed.get(key)
    if packed is None:
        packed = compress(body, coding)
        _compressed.set(key, packed, COMPRESSED_SECONDS)
    return packed if len(packed) < len(body) else None


def compress(body, coding):
    if coding == "br":
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


COMPRESSED_SECONDS = 24 * 60 * 60
_compressed = NearCache(max_bytes=16 * 1024 * 1024)


def _restream(response, chunks):
    streamed = StreamingHttpResponse(chunks, status=response.status_code)
    for key, value in response.items():
        streamed[key] = value
    streamed._resource_closers.extend(response._resource_closers)
    response._resource_closers.clear()
    return streamed


def _mark_public(response, until, now):
    """Let shared caches keep the page briefly, never past its next change (``until``)."""
    if now is None:
        # The page cache is off or did not answer: nothing tells when the page changes.
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return
    left = PUBLIC_MAX_AGE * 2 if until is None else int((until - now).total_seconds())
    max_age = max(0, min(PUBLIC_MAX_AGE, left))
    stale = max(0, min(STALE_WHILE_REVALIDATE, left - max_age))
    if stale:
        patch_cache_control(response, public=True, max_age=max_age, stale_while_revalidate=stale)
    else:
        patch_cache_control(response, public=True, max_age=max_age)


@dataclass(frozen=True)
class Clock:
    """For one content version: from when until when ``next_change`` holds."""

    version: str
    start: datetime.datetime
    until: datetime.datetime | None

    def holds(self, version, now):
        return (
            version == self.version
            and self.start <= now
            and (self.until is None or now < self.until)
        )


_clock = None  # this process's Clock for the fragments (``next_change_while``)


def next_change_while(version, now):
    """``next_change(now)``, asked of the database once per content version while it holds."""
    global _clock
    clock = _clock
    if clock is None or not clock.holds(version, now):
        clock = _clock = Clock(version, now, next_change(now))
    return clock.until


class PageCacheMiddleware:
    """Serve public pages to anonymous visitors from the shared cache (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.clock = None  # this app server's Clock, recomputed when the version changes

    def key(self, request, version, until):
        address = request.build_absolute_uri().encode()
        digest = hashlib.blake2b(address, digest_size=16).hexdigest()
        moment = "none" if until is None else int(until.timestamp())
        language = translation.get_language()
        return f"page:{release()}:{language}:{version}:{moment}:{digest}"

    def look_up(self, request, now):
        """(key, version, until, stored entry or None); key None if the cache does not answer.

        The key holds the version and the next change, so what it names never
        changes: this process keeps what it read (``near_cache``). With Redis the
        version, too, is kept until a change is announced (``redis_cache.Watch``),
        so a hit asks Redis nothing.
        """
        if not content_version.retry_pending():
            return None, None, None, None
        version = content_version.current()
        if version is None:
            return None, None, None, None
        clock = self.clock
        if clock is None or not clock.holds(version, now):
            clock = self.clock = Clock(version, now, next_change(now))
        key = self.key(request, version, clock.until)
        entry = near.get(key)
        if entry is None:
            entry = _current(cache.get(key), version)
            if entry is not None:
                near.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return key, version, clock.until, entry

    def __call__(self, request):
        with content_version.read_once():
            return self.serve(request)

    def serve(self, request):
        if not visitor_may_share(request):
            return self.get_response(request)
        now = timezone.now()
        enabled = settings.PAGE_CACHE_SECONDS > 0
        key, version, until, entry = self.look_up(request, now) if enabled else (None,) * 4
        if entry is not None:
            return entry.response(request, until, now, "hit")
        response = self.get_response(request)
        if not is_public(response):
            return response
        entry, streamed = Entry.from_response(response, version, settings.PAGE_CACHE_MAX_BYTES)
        if entry is None:
            return streamed
        if key is not None:
            timeout = settings.PAGE_CACHE_SECONDS
            if until is not None:
                timeout = min(timeout, int((until - now).total_seconds()) + 1)
            if timeout > 0:
                entry.compress_all()
                cache.set(key, entry, timeout)
                near.set(key, entry, timeout)
        if key is None:
            return entry.response(request, until, None, "off")
        return entry.response(request, until, now, "miss")


def _current(entry, version):
    return entry if isinstance(entry, Entry) and entry.version == version else None
