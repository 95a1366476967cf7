"""The dashboard's panel for the email alerts: subscribers, the queue, failures, the sender's last run."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import Item, Panel

from .access import is_alert_manager
from .models import Delivery, SenderState, Subscription

FAILED_WITHIN_DAYS = 7
# send_alerts runs every few minutes; longer than this means its timer stopped.
SENDER_LATE_AFTER = datetime.timedelta(hours=1)


def email_alerts(request):
    """For alert managers: how many subscribe, what waits, what failed, and when the sender ran."""
    if not is_alert_manager(request.user):
        return None
    now = timezone.now()
    sent_alerts = reverse("admin:alerts_alert_changelist")
    subscribers = Subscription.objects.confirmed().count()
    waiting = Delivery.objects.filter(status=Delivery.Status.PENDING).count()
    failed = Delivery.objects.filter(
        status=Delivery.Status.FAILED,
        finished_at__gte=now - datetime.timedelta(days=FAILED_WITHIN_DAYS),
    ).count()
    last_run = SenderState.objects.values_list("scanned_until", flat=True).first()
    items = [
        Item(
            _("Confirmed subscribers"),
            reverse("admin:alerts_subscription_changelist"),
            ngettext("%(count)d address", "%(count)d addresses", subscribers)
            % {"count": subscribers},
        ),
        Item(
            _("Emails waiting to be sent"),
            sent_alerts,
            ngettext("%(count)d email", "%(count)d emails", waiting) % {"count": waiting},
        ),
        Item(
            _("Emails that failed in the last %(days)d days") % {"days": FAILED_WITHIN_DAYS},
            f"{sent_alerts}?o=-6",
            ngettext("%(count)d email", "%(count)d emails", failed) % {"count": failed},
        ),
    ]
    if last_run is None or now - last_run > SENDER_LATE_AFTER:
        items.append(
            Item(
                _("send_alerts has not run for over an hour: check its timer or cron line"),
                note=_("last run %(when)s")
                % {"when": date_format(timezone.localtime(last_run), "j F Y, H:i")}
                if last_run
                else _("never run"),
            )
        )
    return Panel(key="alerts", title=_("Email alerts"), items=items)


PANELS = [email_alerts]
