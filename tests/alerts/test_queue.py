"""Queueing: each item is announced once, when it becomes public, to the subscribers who asked."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alerts.announcing import queue_due_alerts
from alerts.models import Alert, Delivery
from alerts.sending import send_pending
from areas.models import MonitoringReport
from events.models import Event
from policies.models import Policy
from tests.events.factories import EventFactory
from tests.factories import AreaFactory, PostFactory
from tests.policies.factories import PolicyFactory

from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def local_today():
    return timezone.localdate()


def draft(**fields):
    """An unpublished draft whose window runs from yesterday for two weeks."""
    today = local_today()
    window = {
        "comment_opens": today - datetime.timedelta(days=1),
        "comment_closes": today + datetime.timedelta(days=14),
    }
    return PolicyFactory(is_published=False, **{**window, **fields})


def recipients(alert):
    return set(alert.deliveries.values_list("subscription__email", flat=True))


def test_publishing_a_draft_queues_one_email_per_matching_subscriber(publish, sender_started):
    training, force = AreaFactory(), AreaFactory()
    SubscriptionFactory(email="everything@example.org")
    SubscriptionFactory(email="drafts@example.org", topics=["drafts"])
    SubscriptionFactory(email="training@example.org", topics=["drafts"], areas=[training])
    SubscriptionFactory(email="force-only@example.org", topics=["drafts"], areas=[force])
    SubscriptionFactory(email="both@example.org", topics=["drafts"], areas=[training, force])
    SubscriptionFactory(email="news-only@example.org", topics=["news"])
    SubscriptionFactory(email="unconfirmed@example.org", confirmed_at=None)
    policy = draft(title="Training hours")
    policy.areas.add(training)
    assert not Alert.objects.exists()  # saving a draft being prepared announces nothing

    publish(policy, is_published=True)

    alert = Alert.objects.get(source="policies.opened")
    assert recipients(alert) == {
        "everything@example.org",
        "drafts@example.org",
        "training@example.org",
        "both@example.org",
    }
    assert alert.deliveries.count() == alert.recipients == 4
    send_pending()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(recipients(alert))
    assert all(m.subject == "Open for comment: Training hours" for m in mail.outbox)


def test_a_draft_of_no_area_reaches_subscribers_who_chose_areas(publish, sender_started):
    SubscriptionFactory(email="training@example.org", topics=["drafts"], areas=[AreaFactory()])
    publish(draft(), is_published=True)
    assert recipients(Alert.objects.get()) == {"training@example.org"}


def test_published_unpublished_and_published_again_is_announced_once(publish, sender_started):
    SubscriptionFactory(email="ada@example.org")
    post = publish(PostFactory.build(title="A correction"))
    send_pending()
    publish(post, status="draft")
    publish(post, status="published")
    send_pending()
    assert Alert.objects.count() == 1
    assert Delivery.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["News: A correction"]


def test_a_scheduled_post_is_announced_at_its_time_not_when_saved(publish, sender_started):
    SubscriptionFactory(email="ada@example.org")
    at = timezone.now() + datetime.timedelta(hours=2)
    publish(PostFactory.build(title="Scheduled news", published_at=at))
    assert not Alert.objects.exists()
    assert queue_due_alerts(now=at - datetime.timedelta(minutes=1)) == 0
    send_pending(now=at - datetime.timedelta(minutes=1))
    assert not mail.outbox
    assert queue_due_alerts(now=at + datetime.timedelta(minutes=1)) == 1
    send_pending(now=at + datetime.timedelta(minutes=1))
    assert [m.subject for m in mail.outbox] == ["News: Scheduled news"]
    assert queue_due_alerts(now=at + datetime.timedelta(minutes=10)) == 0  # once


def test_a_draft_published_ahead_of_its_window_is_announced_on_its_first_day(
    publish, sender_started
):
    SubscriptionFactory(email="ada@example.org")
    today = local_today()
    policy = publish(
        draft(
            comment_opens=today + datetime.timedelta(days=2),
            comment_closes=today + datetime.timedelta(days=20),
        ),
        is_published=True,
    )
    assert not Alert.objects.exists()
    first_morning = timezone.make_aware(
        datetime.datetime.combine(policy.comment_opens, datetime.time(0, 5))
    )
    assert queue_due_alerts(now=first_morning - datetime.timedelta(minutes=10)) == 0
    assert queue_due_alerts(now=first_morning) == 1
    assert Alert.objects.get().source == "policies.opened"


def test_a_reminder_goes_out_days_before_the_window_closes(publish, sender_started, settings):
    settings.ALERTS_REMINDER_DAYS = 3
    SubscriptionFactory(email="ada@example.org")
    policy = publish(draft(title="Foot pursuits"), is_published=True)
    last_day = policy.comment_closes
    morning = timezone.make_aware(
        datetime.datetime.combine(last_day - datetime.timedelta(days=3), datetime.time(0, 5))
    )
    queue_due_alerts(now=morning - datetime.timedelta(days=1))
    assert not Alert.objects.filter(source="policies.closing").exists()
    queue_due_alerts(now=morning)
    reminder = Alert.objects.get(source="policies.closing")
    assert reminder.recipients == 1
    send_pending(now=morning)
    assert mail.outbox[-1].subject == f"Comments close on {last_day:%-d %B %Y}: Foot pursuits"


def test_no_reminder_right_after_the_first_email(publish, sender_started, settings):
    settings.ALERTS_REMINDER_DAYS = 3
    SubscriptionFactory(email="ada@example.org")
    today = local_today()
    publish(
        draft(comment_closes=today + datetime.timedelta(days=2)),
        is_published=True,
    )
    reminder = Alert.objects.get(source="policies.closing")
    assert reminder.quiet
    assert not reminder.deliveries.exists()
    assert Alert.objects.get(source="policies.opened").recipients == 1


def test_what_was_public_before_alerts_existed_is_never_announced(publish, sender_started):
    SubscriptionFactory(email="ada@example.org")
    post = PostFactory(title="Old news")  # saved without its commit callbacks: before alerts
    publish(post, summary="Edited after alerts were installed.")
    queue_due_alerts()
    assert not Alert.objects.exists()


def test_a_monitoring_report_is_announced_when_it_is_shown_on_the_site(publish, sender_started):
    SubscriptionFactory(email="ada@example.org", topics=["reports"])
    report = MonitoringReport.objects.create(
        title="Independent Monitoring Report 13",
        period_start=datetime.date(2025, 7, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    publish(report, notes="Checking the figures.")
    assert not Alert.objects.exists()
    publish(report, is_published=True)
    send_pending()
    (email,) = mail.outbox
    assert email.subject == "New monitoring report: Independent Monitoring Report 13"
    assert "http://testserver/progress/#report-" in email.body


def test_an_event_is_announced_when_published_and_its_cancellation_follows(publish, sender_started):
    SubscriptionFactory(email="ada@example.org", topics=["events"])
    event = EventFactory.build(title="Austin town hall", is_published=False)
    publish(event)
    assert not Alert.objects.exists()
    publish(event, is_published=True)
    send_pending()
    publish(event, status=Event.Status.CANCELLED)
    send_pending()
    assert [m.subject.split(",")[0] for m in mail.outbox] == [
        "Meeting: Austin town hall",
        "Cancelled: Austin town hall",
    ]


def test_an_event_announced_and_cancelled_before_the_sender_ran_sends_nothing(
    publish, sender_started
):
    SubscriptionFactory(email="ada@example.org", topics=["events"])
    event = publish(EventFactory.build(title="Austin town hall"))
    publish(event, status=Event.Status.CANCELLED)
    report = send_pending()
    assert not mail.outbox
    assert (report.held, report.withdrawn) == (1, 1)  # the announcement waits, unsent


def test_an_event_cancelled_before_anyone_heard_of_it_is_not_announced(publish, sender_started):
    SubscriptionFactory(email="ada@example.org", topics=["events"])
    publish(EventFactory.build(status=Event.Status.CANCELLED))
    assert not Alert.objects.exists()


def test_a_past_event_added_for_the_record_is_not_announced(publish, sender_started):
    SubscriptionFactory(email="ada@example.org", topics=["events"])
    publish(EventFactory.build(starts_at=timezone.now() - datetime.timedelta(days=40)))
    assert not Alert.objects.exists()


def test_only_subscribers_confirmed_when_an_item_is_announced_receive_it(publish, sender_started):
    publish(PostFactory.build())
    SubscriptionFactory(email="later@example.org")
    send_pending()
    assert not mail.outbox


def test_a_policy_saved_while_open_is_announced_only_once(publish, sender_started):
    SubscriptionFactory(email="ada@example.org")
    policy = publish(draft(), is_published=True)
    publish(policy, summary="A clearer summary.")
    publish(policy, status=Policy.Status.REVIEW)
    publish(policy, status=Policy.Status.OPEN)
    assert Alert.objects.filter(source="policies.opened").count() == 1
    assert Delivery.objects.count() == 1
