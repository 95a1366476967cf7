"""Which release of the site this process runs: a short hash of its code, templates,
static files, translations and pinned requirements.

It is part of every key of the page cache and of the kept parts (``fragments``):
after a deploy no page or part built by the earlier release is served, though
the content has not changed, and two releases running side by side during a
rolling restart never share an entry.
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

SOURCE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".mo", ".css", ".js", ".svg"}
# Folders that hold no part of what a page is built from.
SKIPPED = {".git", ".venv", "__pycache__", "node_modules", "var", "staticfiles", "tests", "docs"}


def source_files(base):
    """The files under ``base`` a page may be built from, in a stable order."""
    outside = {Path(folder).resolve() for folder in (settings.MEDIA_ROOT, settings.STATIC_ROOT)}
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in SKIPPED and (Path(folder) / name).resolve() not in outside
        )
        for name in sorted(files):
            if Path(name).suffix in SOURCE_SUFFIXES:
                yield Path(folder) / name


@functools.cache
def release():
    """The hash, computed once per process."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=6)
    for path in source_files(base):
        digest.update(str(path.relative_to(base)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
