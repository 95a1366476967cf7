"""The dashboard's feedback panel, for reviewers only: how much is at each status, and unassigned."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import Item, Panel

from .access import is_reviewer
from .models import Feedback

# Feedback someone still has to deal with.
OPEN_STATUSES = [Feedback.Status.NEW, Feedback.Status.IN_REVIEW]


def feedback_by_status(request):
    """A count per status, each linked to its list, and the open feedback nobody is assigned."""
    if not is_reviewer(request.user):
        return None
    changelist = reverse("admin:feedback_feedback_changelist")
    counts = dict(Feedback.objects.order_by().values_list("status").annotate(Count("pk")))
    unassigned = Feedback.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=True).count()
    items = [
        Item(
            str(status.label),
            f"{changelist}?status__exact={status.value}",
            ngettext("%(count)d message", "%(count)d messages", counts.get(status, 0))
            % {"count": counts.get(status, 0)},
        )
        for status in Feedback.Status
    ]
    items.append(
        Item(
            _("New or in review, and assigned to nobody"),
            f"{changelist}?assignee__isnull=True&status__in={','.join(OPEN_STATUSES)}",
            ngettext("%(count)d message", "%(count)d messages", unassigned) % {"count": unassigned},
        )
    )
    return Panel(key="feedback", title=_("Feedback by status"), items=items)


PANELS = [feedback_by_status]
