"""The dashboard's panel for monitoring reports that are in the admin but not on the site."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import Item, Panel

from .models import MonitoringReport


def reports_not_shown(request):
    """Reports staff added or imported ratings for, still unticked “shown on the site”."""
    if not request.user.has_perm("areas.view_monitoringreport"):
        return None
    reports = (
        MonitoringReport.objects.filter(is_published=False)
        .annotate(rating_count=Count("assessments"))
        .order_by("-period_end")
    )
    return Panel(
        key="reports-not-shown",
        title=_("Reports imported but not shown on the site"),
        items=[
            Item(
                str(report),
                reverse("admin:areas_monitoringreport_change", args=[report.pk]),
                ngettext(
                    "%(count)d paragraph rating", "%(count)d paragraph ratings", report.rating_count
                )
                % {"count": report.rating_count},
            )
            for report in reports
        ],
        empty=_("Every monitoring report is shown on the site."),
    )


PANELS = [reports_not_shown]
