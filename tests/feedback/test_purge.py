"""`purge_feedback_personal_data` forgets who sent old feedback and keeps what it said."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from feedback.models import Feedback
from tests.factories import AreaFactory

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def purge(*args):
    out = StringIO()
    call_command("purge_feedback_personal_data", *args, stdout=out)
    return out.getvalue()


def test_old_feedback_loses_personal_data_and_keeps_message_topic_and_dates():
    area = AreaFactory(title="Training")
    old = FeedbackFactory(
        created_at=days_ago(40), area=area, message="Keep these words.", status="closed"
    )
    output = purge("--older-than", "30")
    old.refresh_from_db()
    assert (old.name, old.email, old.zip_code, old.client_hash) == ("", "", "", "")
    assert old.message == "Keep these words."
    assert old.area == area
    assert old.status == Feedback.Status.CLOSED
    assert old.created_at < days_ago(39)
    assert old.personal_data_purged_at is not None
    assert "from 1 submission older" in output


def test_recent_feedback_is_left_alone():
    recent = FeedbackFactory(created_at=days_ago(10), name="Ada", email="ada@example.org")
    purge("--older-than", "30")
    recent.refresh_from_db()
    assert (recent.name, recent.email) == ("Ada", "ada@example.org")
    assert recent.personal_data_purged_at is None


def test_the_default_age_comes_from_settings(settings):
    settings.FEEDBACK_PERSONAL_DATA_DAYS = 100
    older = FeedbackFactory(created_at=days_ago(101))
    newer = FeedbackFactory(created_at=days_ago(99))
    purge()
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.email == ""
    assert newer.email != ""


def test_a_second_run_finds_nothing_more_to_purge():
    FeedbackFactory(created_at=days_ago(40))
    purge("--older-than", "30")
    first_stamp = Feedback.objects.get().personal_data_purged_at
    assert "from 0 submissions" in purge("--older-than", "30")
    assert Feedback.objects.get().personal_data_purged_at == first_stamp


def test_a_dry_run_changes_nothing():
    FeedbackFactory(created_at=days_ago(40), email="ada@example.org")
    assert "1 submission older than 30 days" in purge("--older-than", "30", "--dry-run")
    assert Feedback.objects.get().email == "ada@example.org"


def test_a_negative_age_is_refused():
    with pytest.raises(CommandError, match="zero or more"):
        purge("--older-than", "-1")
