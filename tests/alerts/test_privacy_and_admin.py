"""Privacy: unconfirmed addresses go, old records go, and only Alert managers see addresses."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from alerts.models import MANAGERS_GROUP, Alert, Delivery, SenderState, Subscription
from alerts.sending import send_pending
from tests.conftest import sign_in_with_second_factor
from tests.factories import PostFactory

from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_purge_deletes_addresses_nobody_confirmed_in_time(settings):
    settings.ALERTS_CONFIRM_DAYS = 3
    stale = SubscriptionFactory(confirmed_at=None)
    Subscription.objects.filter(pk=stale.pk).update(created=days_ago(4), emailed_at=days_ago(4))
    fresh = SubscriptionFactory(confirmed_at=None, emailed_at=days_ago(1))
    asked_again = SubscriptionFactory(confirmed_at=None, emailed_at=days_ago(1))
    Subscription.objects.filter(pk=asked_again.pk).update(created=days_ago(10))
    confirmed = SubscriptionFactory()
    Subscription.objects.filter(pk=confirmed.pk).update(created=days_ago(400))
    call_command("purge_alert_subscriptions", verbosity=0)
    assert set(Subscription.objects.all()) == {fresh, asked_again, confirmed}


def test_purge_forgets_who_got_what_after_a_while_but_keeps_the_counts(
    publish, sender_started, settings
):
    settings.ALERTS_DELIVERY_LOG_DAYS = 30
    SubscriptionFactory.create_batch(2)
    publish(PostFactory.build())
    send_pending()
    Delivery.objects.update(finished_at=days_ago(31))
    call_command("purge_alert_subscriptions", "--dry-run", verbosity=0)
    assert Delivery.objects.count() == 2
    call_command("purge_alert_subscriptions", verbosity=0)
    assert not Delivery.objects.exists()
    assert Alert.objects.get().sent == 2


def test_the_alert_managers_group_exists_with_the_right_to_see_and_delete_addresses():
    group = Group.objects.get(name=MANAGERS_GROUP)
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "view_subscription",
        "delete_subscription",
    }


def alert_managers_group():
    """The group the alerts' migration makes (a flush by an earlier test may have removed it)."""
    group, _ = Group.objects.get_or_create(name=MANAGERS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(codename__in=["view_subscription", "delete_subscription"])
    )
    return group


@pytest.fixture
def staff(client, django_user_model):
    """``staff(groups..., perms...)``: a signed-in staff member (not a superuser)."""

    def make(*groups, perms=()):
        user = django_user_model.objects.create_user("sam", password="pw", is_staff=True)
        for name in groups:
            group = alert_managers_group() if name == MANAGERS_GROUP else None
            user.groups.add(group or Group.objects.get_or_create(name=name)[0])
        user.user_permissions.add(*Permission.objects.filter(codename__in=perms))
        return sign_in_with_second_factor(client, user)

    return make


def test_an_alert_manager_sees_the_addresses(staff):
    SubscriptionFactory(email="ada@example.org")
    client = staff(MANAGERS_GROUP)
    page = client.get(reverse("admin:alerts_subscription_changelist"))
    assert page.status_code == 200
    assert "ada@example.org" in page.content.decode()


def test_other_staff_never_see_addresses_whatever_permissions_they_hold(staff):
    subscription = SubscriptionFactory(email="ada@example.org")
    client = staff(perms=["view_subscription", "delete_subscription", "change_subscription"])
    for url in (
        reverse("admin:alerts_subscription_changelist"),
        reverse("admin:alerts_subscription_change", args=[subscription.pk]),
        reverse("admin:alerts_subscription_delete", args=[subscription.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    assert "ada@example.org" not in client.get(reverse("admin:index")).content.decode()


def test_every_staff_member_sees_what_was_sent_and_how_many_subscribe_but_no_address(
    staff, publish, sender_started
):
    SubscriptionFactory(email="ada@example.org", topics=["news", "events"])
    SubscriptionFactory(email="bo@example.org", topics=["events"])
    SubscriptionFactory(email="waiting@example.org", confirmed_at=None)
    publish(PostFactory.build(title="Academy opens"))
    send_pending()
    client = staff()
    page = client.get(reverse("admin:alerts_alert_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Academy opens" in html
    assert "2 confirmed subscribers." in html
    assert "Meetings and hearings: 2" in html
    assert "News and updates: 1" in html
    assert "1 address waiting for confirmation" in html
    assert "@example.org" not in html
    assert "Subscriptions" not in client.get(reverse("admin:index")).content.decode()


def test_staff_cannot_add_subscribers_only_their_owners_can(admin_client):
    response = admin_client.get(reverse("admin:alerts_subscription_add"))
    assert response.status_code == 403


def test_the_dashboard_tells_alert_managers_about_the_queue_and_a_stopped_sender(
    staff, publish, sender_started
):
    SubscriptionFactory.create_batch(2)
    publish(PostFactory.build())
    SenderState.objects.update(scanned_until=timezone.now() - datetime.timedelta(hours=3))
    client = staff(MANAGERS_GROUP)
    panel = next(
        panel
        for panel in client.get(reverse("admin:index")).context["dashboard_panels"]
        if panel.key == "alerts"
    )
    notes = {item.text: item.note for item in panel.items}
    assert notes["Confirmed subscribers"] == "2 addresses"
    assert notes["Emails waiting to be sent"] == "2 emails"
    assert notes["Emails that failed in the last 7 days"] == "0 emails"
    assert any("has not run for over an hour" in text for text in notes)


def test_other_staff_get_no_alerts_panel(staff):
    client = staff("Editors")
    keys = {panel.key for panel in client.get(reverse("admin:index")).context["dashboard_panels"]}
    assert "alerts" not in keys


def test_the_privacy_page_says_what_alerts_keep_and_for_how_long(client, settings):
    settings.ALERTS_CONFIRM_DAYS = 3
    settings.ALERTS_DELIVERY_LOG_DAYS = 30
    html = client.get("/privacy/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "When you sign up for email alerts" in text
    assert "Your email address for alerts, until you confirm it Deleted after 3 days" in text
    assert "Until you unsubscribe; then deleted at once" in text
    assert "Which alerts we sent to your address 30 days, then only how many were sent" in text
