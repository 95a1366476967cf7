"""What residents can hear about the monitor's reports by email: each report, once shown.

A report reaches the site when staff tick “Shown on the site”; the alerts app
watches that save (see ``core.alert_sources``).
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.alert_sources import AlertMessage, AlertSource, Topic

from .models import MonitoringReport

TOPICS = [
    Topic(
        "reports",
        gettext_lazy("Monitoring reports"),
        gettext_lazy("When a report of the Independent Monitor is added, with its figures."),
        order=30,
    )
]


def shown(now):
    return MonitoringReport.objects.published()


def message(report):
    period = _("It covers %(start)s to %(end)s.") % {
        "start": date_format(report.period_start, "j F Y"),
        "end": date_format(report.period_end, "j F Y"),
    }
    lines = (period, report.notes) if report.notes else (period,)
    return AlertMessage(
        subject=_("New monitoring report: %(title)s") % {"title": report.title},
        title=report.title,
        lines=lines,
        link_text=_("See its figures on the Progress page"),
        path=f"{reverse('areas:progress')}#report-{report.pk}",
    )


SOURCES = [AlertSource(key="areas.report", topic="reports", due=shown, message=message)]
