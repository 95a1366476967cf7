"""Values that never change under their key, kept in this process in front of the shared cache.

A key of the page cache or of a kept part (``core.fragments``) holds the release,
the content version and, where time matters, the next moment time changes a page,
so what it names never changes. Once a process has read it from Redis, it can
keep it and spare every later request the round trip and the copy (a megabyte
for the sitemap). Bounded in bytes, least recently used out first, and never
kept past the timeout the shared cache was given.

Only values no request changes in place are kept: text and bytes, and tuples
and dicts of them, and objects that say their size (``near_size()``, the page
cache's entries). Records (model instances) are always read from the shared
cache, each request getting its own copy.
"""

import threading
import time
from collections import OrderedDict

PLAIN = (str, bytes, bool, int, float)


def size_of(value):
    """The bytes ``value`` holds, or None if it is not one to keep."""
    if isinstance(value, PLAIN):
        return len(value) if isinstance(value, str | bytes) else 8
    if hasattr(value, "near_size"):
        return value.near_size()
    if isinstance(value, tuple | dict):
        items = value.values() if isinstance(value, dict) else value
        sizes = [size_of(item) for item in items]
        return None if None in sizes else sum(sizes) + 64
    return None


class NearCache:
    """This process's copies, by key (see the module)."""

    def __init__(self, max_bytes):
        self.max_bytes, self.size = max_bytes, 0
        self.kept = OrderedDict()  # key -> (value, size, expires)
        self.lock = threading.Lock()  # the development server answers in threads

    def get(self, key):
        with self.lock:
            found = self.kept.get(key)
            if found is None:
                return None
            value, size, expires = found
            if time.monotonic() >= expires:
                del self.kept[key]
                self.size -= size
                return None
            self.kept.move_to_end(key)
            return value

    def set(self, key, value, timeout):
        size = size_of(value) if value is not None else None
        if size is None or size > self.max_bytes // 4:
            return
        with self.lock:
            if key in self.kept:
                return
            self.kept[key] = (value, size, time.monotonic() + timeout)
            self.size += size
            while self.size > self.max_bytes:
                _key, (_value, dropped, _expires) = self.kept.popitem(last=False)
                self.size -= dropped

    def clear(self):
        with self.lock:
            self.kept.clear()
            self.size = 0


near = NearCache(max_bytes=32 * 1024 * 1024)
