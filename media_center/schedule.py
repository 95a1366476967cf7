"""When time alone changes the Media Center's pages: a scheduled post's time, a banner's window,
a post leaving the home page's recent posts.

The page cache (``core.pagecache``) never serves a page past ``next_change``.
"""

import datetime

from django.db.models import Min

from core.clock import earliest

from .models import RECENT_DAYS, Announcement, Post


def next_change(now):
    """The next publishing time of a scheduled post, start or end of an announcement, or
    moment a post stops being recent."""
    published = Post.objects.filter(status=Post.Status.PUBLISHED)
    post = published.filter(published_at__gt=now).aggregate(at=Min("published_at"))["at"]
    recent = datetime.timedelta(days=RECENT_DAYS)
    oldest_recent = published.filter(
        published_at__gt=now - recent, published_at__lte=now
    ).aggregate(at=Min("published_at"))["at"]
    no_longer_recent = oldest_recent + recent if oldest_recent else None
    banners = Announcement.objects.filter(is_active=True)
    starts = banners.filter(starts_at__gt=now).aggregate(at=Min("starts_at"))["at"]
    ends = banners.filter(ends_at__gt=now).aggregate(at=Min("ends_at"))["at"]
    return earliest(post, starts, ends, no_longer_recent)
