"""What residents can hear about draft policies by email (see ``core.alert_sources``).

A draft is announced when it opens for comment (when staff publish it, or on
its first day), and again ``ALERTS_REMINDER_DAYS`` before its last day, unless
the first email went out less than two days earlier.
"""

import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.alert_sources import AlertMessage, AlertSource, Topic

from .models import Policy
from .windows import local_today, long_date, zone_name

TOPICS = [
    Topic(
        "drafts",
        gettext_lazy("Draft policies open for comment"),
        gettext_lazy(
            "When a draft opens for comment, and a reminder a few days before comments close."
        ),
        order=10,
    )
]


def _reminder_span():
    return datetime.timedelta(days=settings.ALERTS_REMINDER_DAYS)


def opened(now):
    return Policy.objects.open_for_comment(now)


def opened_between(start, end):
    """Drafts whose first day for comments came in (start, end]."""
    return opened(end).filter(
        comment_opens__gt=local_today(start), comment_opens__lte=local_today(end)
    )


def closing(now):
    return opened(now).filter(closes_on__lte=local_today(now) + _reminder_span())


def closing_between(start, end):
    """Drafts whose reminder day came in (start, end]."""
    return opened(end).filter(
        closes_on__gt=local_today(start) + _reminder_span(),
        closes_on__lte=local_today(end) + _reminder_span(),
    )


def areas(policy):
    return policy.areas.values_list("pk", flat=True)


def opened_message(policy):
    return AlertMessage(
        subject=_("Open for comment: %(title)s") % {"title": policy.title},
        title=policy.title,
        lines=(str(policy.window_in_words()) + ".", policy.summary),
        link_text=_("Read the draft and send a comment"),
        path=policy.get_absolute_url(),
    )


def closing_message(policy):
    last_day = long_date(policy.last_day)
    return AlertMessage(
        subject=_("Comments close on %(date)s: %(title)s")
        % {"date": last_day, "title": policy.title},
        title=policy.title,
        lines=(
            _(
                "There is still time to comment on this draft: comments close at the end of "
                "%(date)s, %(zone)s time."
            )
            % {"date": last_day, "zone": zone_name()},
            policy.summary,
        ),
        link_text=_("Read the draft and send a comment"),
        path=policy.get_absolute_url(),
    )


SOURCES = [
    AlertSource(
        key="policies.opened",
        topic="drafts",
        due=opened,
        became_due=opened_between,
        areas=areas,
        message=opened_message,
    ),
    AlertSource(
        key="policies.closing",
        topic="drafts",
        due=closing,
        became_due=closing_between,
        areas=areas,
        message=closing_message,
        quiet_after=("policies.opened", datetime.timedelta(days=2)),
    ),
]
