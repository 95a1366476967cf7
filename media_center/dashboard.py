"""The dashboard's panel for posts and announcements scheduled to appear later."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.dashboard import Item, Panel

from .models import Announcement, Post


def _when(moment):
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def scheduled(request):
    """Published posts whose time has not come, and banners switched on that start later."""
    user = request.user
    may_see_posts = user.has_perm("media_center.view_post")
    may_see_banners = user.has_perm("media_center.view_announcement")
    if not (may_see_posts or may_see_banners):
        return None
    now = timezone.now()
    items = []
    if may_see_posts:
        posts = Post.objects.filter(status=Post.Status.PUBLISHED, published_at__gt=now)
        items += [
            (
                post.published_at,
                Item(
                    _("Post: %(title)s") % {"title": post.title},
                    reverse("admin:media_center_post_change", args=[post.pk]),
                    _("appears %(when)s") % {"when": _when(post.published_at)},
                ),
            )
            for post in posts.order_by("published_at")
        ]
    if may_see_banners:
        banners = Announcement.objects.filter(is_active=True, starts_at__gt=now)
        items += [
            (
                banner.starts_at,
                Item(
                    _("Announcement: %(title)s") % {"title": banner.title},
                    reverse("admin:media_center_announcement_change", args=[banner.pk]),
                    _("appears %(when)s") % {"when": _when(banner.starts_at)},
                ),
            )
            for banner in banners.order_by("starts_at")
        ]
    return Panel(
        key="scheduled",
        title=_("Scheduled posts and announcements"),
        items=[item for _moment, item in sorted(items, key=lambda pair: pair[0])],
        empty=_("Nothing is scheduled to appear later."),
    )


PANELS = [scheduled]
