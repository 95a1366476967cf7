"""What residents can hear about the Media Center by email: each post, once it is public.

A scheduled post is announced when its time comes, not when it is saved
(see ``core.alert_sources``).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.alert_sources import AlertMessage, AlertSource, Topic

from .models import Post

TOPICS = [
    Topic(
        "news",
        gettext_lazy("News and updates"),
        gettext_lazy("New posts in the Media Center: news, press releases and updates."),
        order=40,
    )
]


def published(now):
    return Post.objects.published(now)


def published_between(start, end):
    """Posts whose publish time came in (start, end]."""
    return published(end).filter(published_at__gt=start)


def message(post):
    return AlertMessage(
        subject=_("%(category)s: %(title)s")
        % {"category": post.get_category_display(), "title": post.title},
        title=post.title,
        lines=(post.summary,),
        link_text=_("Read it on the site"),
        path=post.get_absolute_url(),
    )


SOURCES = [
    AlertSource(
        key="media_center.post",
        topic="news",
        due=published,
        became_due=published_between,
        areas=lambda post: post.areas.values_list("pk", flat=True),
        message=message,
    )
]
