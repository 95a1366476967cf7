"""The dashboard's panels for draft policies: windows closing soon, and closed without a summary."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import Item, Panel

from .models import Policy
from .windows import local_today, long_date

CLOSING_WITHIN_DAYS = 7


def _change_url(policy):
    return reverse("admin:policies_policy_change", args=[policy.pk])


def closing_soon(request):
    """Published drafts whose comment window closes within a week, soonest first."""
    if not request.user.has_perm("policies.view_policy"):
        return None
    last = local_today() + datetime.timedelta(days=CLOSING_WITHIN_DAYS)
    policies = Policy.objects.open_for_comment().filter(closes_on__lte=last).order_by("closes_on")
    return Panel(
        key="closing-soon",
        title=_("Comment windows closing in the next %(days)d days")
        % {"days": CLOSING_WITHIN_DAYS},
        items=[
            Item(
                str(policy),
                _change_url(policy),
                _("last day %(date)s") % {"date": long_date(policy.closes_on)},
            )
            for policy in policies
        ],
        empty=_("No comment window closes this week."),
    )


def closed_without_summary(request):
    """Published drafts whose window has closed and that have no “What we heard” yet."""
    if not request.user.has_perm("policies.view_policy"):
        return None
    policies = (
        Policy.objects.published()
        .with_window()
        # A language's copy of a text never written is empty or NULL (django-modeltranslation).
        .filter(Q(what_we_heard="") | Q(what_we_heard__isnull=True), closes_on__lt=local_today())
        .exclude(status=Policy.Status.ARCHIVED)
        .order_by("closes_on")
    )
    return Panel(
        key="no-summary",
        title=_("Comment windows closed without “What we heard”"),
        items=[
            Item(
                str(policy),
                _change_url(policy),
                _("closed %(date)s") % {"date": long_date(policy.closes_on)},
            )
            for policy in policies
        ],
        empty=_("Every closed comment window has its “What we heard” summary."),
    )


PANELS = [closing_soon, closed_without_summary]
