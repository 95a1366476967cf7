"""When time alone changes the comparison pages: durations count to today, so at local midnight.

The page cache (``core.pagecache``) never serves a page past ``next_change``.
"""

from core.clock import next_local_midnight


def next_change(now):
    return next_local_midnight(now)
