"""Comment windows open and close at local midnight in Chicago, whatever the server's clock."""

import datetime

import pytest
from django.utils import timezone

from policies.models import Policy

from .conftest import chicago
from .factories import PolicyExtensionFactory, PolicyFactory

pytestmark = pytest.mark.django_db

ONE_SECOND = datetime.timedelta(seconds=1)


def is_open(policy, now):
    return Policy.objects.open_for_comment(now).filter(pk=policy.pk).exists()


def test_window_opens_at_local_midnight_on_its_first_day():
    policy = PolicyFactory(comment_opens=datetime.date(2023, 8, 4))
    midnight = chicago(2023, 8, 4, 0, 0, 0)
    assert not is_open(policy, midnight - ONE_SECOND)
    assert is_open(policy, midnight)
    assert not policy.is_open_for_comment(midnight - ONE_SECOND)
    assert policy.is_open_for_comment(midnight)


def test_window_closes_at_local_midnight_after_its_last_day():
    policy = PolicyFactory(comment_closes=datetime.date(2023, 8, 18))
    midnight = chicago(2023, 8, 19, 0, 0, 0)
    assert is_open(policy, midnight - ONE_SECOND)
    assert not is_open(policy, midnight)
    assert policy.is_open_for_comment(midnight - ONE_SECOND)
    assert not policy.is_open_for_comment(midnight)


def test_late_evening_in_chicago_is_still_the_last_day_though_utc_has_moved_on():
    policy = PolicyFactory(comment_closes=datetime.date(2023, 8, 18))
    # 04:59:59 UTC on the 19th is 23:59:59 on the 18th in Chicago (CDT, UTC-5).
    late = datetime.datetime(2023, 8, 19, 4, 59, 59, tzinfo=datetime.UTC)
    with timezone.override("UTC"):  # a reader's time zone does not move the window
        assert is_open(policy, late)
        assert not is_open(policy, late + ONE_SECOND)


@pytest.mark.parametrize(
    ("last_day", "utc_offset_hours"),
    [
        (
            datetime.date(2023, 11, 4),
            5,
        ),  # clocks go back early on 5 November: still CDT at midnight
        (
            datetime.date(2024, 3, 9),
            6,
        ),  # clocks go forward early on 10 March: still CST at midnight
    ],
)
def test_window_closes_at_local_midnight_across_daylight_saving_changes(last_day, utc_offset_hours):
    policy = PolicyFactory(
        comment_opens=last_day - datetime.timedelta(days=14), comment_closes=last_day
    )
    next_day = last_day + datetime.timedelta(days=1)
    midnight_utc = datetime.datetime(
        next_day.year, next_day.month, next_day.day, utc_offset_hours, tzinfo=datetime.UTC
    )
    assert is_open(policy, midnight_utc - ONE_SECOND)
    assert not is_open(policy, midnight_utc)


def test_an_extension_keeps_the_window_open_to_its_new_last_day():
    policy = PolicyFactory(comment_closes=datetime.date(2023, 8, 18))
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 8, 25))
    assert is_open(policy, chicago(2023, 8, 22, 12, 0))
    assert is_open(policy, chicago(2023, 8, 26, 0, 0) - ONE_SECOND)
    assert not is_open(policy, chicago(2023, 8, 26, 0, 0))
    assert Policy.objects.get(pk=policy.pk).is_open_for_comment(chicago(2023, 8, 22, 12, 0))


def test_the_latest_of_several_extensions_counts():
    policy = PolicyFactory(comment_closes=datetime.date(2023, 8, 18))
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 9, 1))
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 8, 25))
    assert Policy.objects.with_window().get(pk=policy.pk).last_day == datetime.date(2023, 9, 1)
    assert is_open(policy, chicago(2023, 8, 31, 12, 0))


def test_unpublished_or_no_longer_open_drafts_take_no_comments():
    during = chicago(2023, 8, 10, 12, 0)
    unpublished = PolicyFactory(is_published=False)
    under_review = PolicyFactory(status=Policy.Status.REVIEW)
    assert not is_open(unpublished, during)
    assert not is_open(under_review, during)
    assert not unpublished.is_open_for_comment(during)
    assert not under_review.is_open_for_comment(during)


@pytest.mark.parametrize(
    ("now", "words"),
    [
        (chicago(2023, 8, 3, 12, 0), "Comment period opens on 4 August 2023"),
        (chicago(2023, 8, 10, 12, 0), "Open for comment until 18 August 2023"),
        (chicago(2023, 8, 19, 0, 0), "Comments closed on 18 August 2023"),
    ],
)
def test_window_in_words(now, words):
    assert PolicyFactory().window_in_words(now) == words


def test_extended_window_in_words():
    policy = PolicyFactory()
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 8, 25))
    policy = Policy.objects.with_window().get(pk=policy.pk)
    assert policy.window_in_words(chicago(2023, 8, 20, 9, 0)) == (
        "Comment period extended to 25 August 2023"
    )
    assert policy.window_in_words(chicago(2023, 8, 26, 9, 0)) == "Comments closed on 25 August 2023"


def test_a_draft_past_its_window_reads_under_review_until_staff_say_otherwise():
    policy = PolicyFactory()
    after = chicago(2023, 8, 19, 0, 0)
    assert policy.current_status(after) == Policy.Status.REVIEW
    assert list(Policy.objects.with_status(Policy.Status.REVIEW, after)) == [policy]
    assert not Policy.objects.with_status(Policy.Status.OPEN, after).exists()


def test_the_draft_page_names_the_time_zone_as_residents_say_it(client, db):
    from tests.policies.factories import PolicyFactory

    html = client.get(PolicyFactory().get_absolute_url()).content.decode()
    assert "Chicago time" in html
    assert "America/Chicago" not in html
