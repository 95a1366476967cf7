"""When time alone changes the policy pages: comment windows and documents change at local midnight.

A window opens at midnight at the start of its first day and closes at midnight
after its last; a document shows from its published day. The page cache
(``core.pagecache``) never serves a page past ``next_change``.
"""

from core.clock import next_local_midnight


def next_change(now):
    return next_local_midnight(now)
