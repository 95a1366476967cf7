"""When time alone changes the Media Center's pages: a scheduled post's time, a banner's window.

The page cache (``core.pagecache``) never serves a page past ``next_change``.
"""

from django.db.models import Min

from core.clock import earliest

from .models import Announcement, Post


def next_change(now):
    """The next publishing time of a scheduled post, or start or end of an announcement."""
    post = Post.objects.filter(status=Post.Status.PUBLISHED, published_at__gt=now).aggregate(
        at=Min("published_at")
    )["at"]
    banners = Announcement.objects.filter(is_active=True)
    starts = banners.filter(starts_at__gt=now).aggregate(at=Min("starts_at"))["at"]
    ends = banners.filter(ends_at__gt=now).aggregate(at=Min("ends_at"))["at"]
    return earliest(post, starts, ends)
