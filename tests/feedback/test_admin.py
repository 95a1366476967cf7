"""Triage in the admin: reviewers find, change and export feedback; nobody else sees any."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.models import REVIEWERS_GROUP, DroppedSubmission, Feedback
from tests.conftest import sign_in_with_second_factor
from tests.factories import AreaFactory
from tests.policies.factories import PolicyFactory

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:feedback_feedback_changelist"
FEEDBACK_PERMISSIONS = ["view_feedback", "add_feedback", "change_feedback", "delete_feedback"]


def reviewers_group():
    """The group the data migration creates (a flush by an earlier test may have removed it)."""
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["view_feedback", "add_feedback", "change_feedback"]
        )
    )
    return group


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("rita", password="pw", is_staff=True)
    user.groups.add(reviewers_group())
    return user


@pytest.fixture
def reviewer_client(client, reviewer):
    return sign_in_with_second_factor(client, reviewer)


@pytest.fixture
def editor_client(client, django_user_model):
    """A content editor holding every feedback permission, but not in the reviewers group."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*Permission.objects.filter(codename__in=FEEDBACK_PERMISSIONS))
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="areas"))
    user = django_user_model.objects.create_user("eddie", password="pw", is_staff=True)
    user.groups.add(editors)
    user.user_permissions.add(*Permission.objects.filter(codename__in=FEEDBACK_PERMISSIONS))
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_the_reviewers_group_is_created_by_a_migration_with_triage_permissions():
    executor = MigrationExecutor(connection)
    executor.migrate([("feedback", "0001_initial")])
    assert not Group.objects.filter(name=REVIEWERS_GROUP).exists()
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    group = Group.objects.get(name=REVIEWERS_GROUP)
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "view_feedback",
        "add_feedback",
        "change_feedback",
    }


def test_a_reviewer_sees_the_submission_with_its_personal_data(reviewer_client):
    feedback = FeedbackFactory(name="Grace Hopper", email="grace@example.org", zip_code="60637")
    page = reviewer_client.get(reverse("admin:feedback_feedback_change", args=[feedback.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    for value in ("Grace Hopper", "grace@example.org", "60637", feedback.message):
        assert value in html


def test_a_content_editor_without_the_reviewer_group_is_refused_everywhere(editor_client):
    feedback = FeedbackFactory(name="Grace Hopper", email="grace@example.org")
    urls = [
        reverse(CHANGELIST),
        reverse("admin:feedback_feedback_change", args=[feedback.pk]),
        reverse("admin:feedback_feedback_history", args=[feedback.pk]),
        reverse("admin:feedback_feedback_add"),
        reverse("admin:feedback_feedback_delete", args=[feedback.pk]),
    ]
    for url in urls:
        response = editor_client.get(url)
        assert response.status_code == 403, url
        assert "Grace Hopper" not in response.content.decode()
    export = editor_client.post(
        reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [feedback.pk]}
    )
    assert export.status_code == 403
    assert b"grace@example.org" not in export.content
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse(CHANGELIST) not in index
    assert reverse("admin:areas_area_changelist") in index


def test_staff_without_any_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("sam", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_a_reviewer_finds_feedback_by_search(reviewer_client):
    FeedbackFactory(message="Street lights on Halsted are out.", email="a@example.org")
    FeedbackFactory(message="Thanks for the training update.", email="b@example.org")
    for query in ("Halsted", "a@example.org"):
        page = reviewer_client.get(reverse(CHANGELIST), {"q": query})
        assert list(page.context["cl"].result_list.values_list("email", flat=True)) == [
            "a@example.org"
        ]


def test_a_reviewer_filters_by_status_topic_policy_and_date(reviewer_client):
    training = AreaFactory(title="Training")
    policy = PolicyFactory(title="Body cameras")
    old = FeedbackFactory(created_at=timezone.now() - datetime.timedelta(days=90))
    on_training = FeedbackFactory(area=training, status=Feedback.Status.IN_REVIEW)
    on_policy = FeedbackFactory(policy=policy)

    def shown(**params):
        page = reviewer_client.get(reverse(CHANGELIST), params)
        assert page.status_code == 200
        return set(page.context["cl"].result_list)

    assert shown(status__exact="in_review") == {on_training}
    assert shown(topic=str(training.pk)) == {on_training}
    assert shown(topic="general") == {old, on_policy}
    assert shown(policy__id__exact=str(policy.pk)) == {on_policy}
    week_ago = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() - datetime.timedelta(days=7), datetime.time()
        )
    )
    assert shown(created_at__gte=str(week_ago)) == {on_training, on_policy}


def test_a_reviewer_changes_the_status_of_many_at_once(reviewer_client):
    chosen = FeedbackFactory.create_batch(3)
    untouched = FeedbackFactory()
    response = reviewer_client.post(
        reverse(CHANGELIST),
        {"action": "mark_spam", "_selected_action": [f.pk for f in chosen]},
        follow=True,
    )
    assert "3 submissions marked “Spam”." in response.content.decode()
    assert set(Feedback.objects.filter(status="spam")) == set(chosen)
    untouched.refresh_from_db()
    assert untouched.status == Feedback.Status.NEW


def test_a_reviewer_triages_one_submission_but_cannot_rewrite_it(reviewer_client, reviewer):
    feedback = FeedbackFactory(message="Original words.")
    url = reverse("admin:feedback_feedback_change", args=[feedback.pk])
    response = reviewer_client.post(
        url,
        {
            "status": "responded",
            "assignee": reviewer.pk,
            "internal_notes": "Called back on Monday.",
            "message": "Rewritten words.",
        },
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.RESPONDED
    assert feedback.assignee == reviewer
    assert feedback.internal_notes == "Called back on Monday."
    assert feedback.message == "Original words."


def test_every_reviewer_and_only_reviewers_can_be_assigned(
    reviewer_client, reviewer, django_user_model
):
    django_user_model.objects.create_user("editor", is_staff=True)
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    feedback = FeedbackFactory()
    page = reviewer_client.get(reverse("admin:feedback_feedback_change", args=[feedback.pk]))
    field = page.context["adminform"].form.fields["assignee"]
    # A superuser reads feedback too, so can be assigned it, though not in the group.
    assert list(field.queryset) == [boss, reviewer]
    assert "Feedback reviewers and superusers" in page.content.decode()
    assert "“Feedback reviewers” group" in str(field.help_text)


def test_a_submission_shows_its_reply_language_by_name(reviewer_client):
    feedback = FeedbackFactory(language="es")
    page = reviewer_client.get(reverse("admin:feedback_feedback_change", args=[feedback.pk]))
    html = page.content.decode()
    assert "Español" in html
    assert '<div class="readonly">es</div>' not in html


def test_staff_can_type_in_feedback_that_came_by_letter(reviewer_client):
    response = reviewer_client.post(
        reverse("admin:feedback_feedback_add"),
        {
            "message": "A letter about patrols.",
            "created_at_0": "2026-03-02",
            "created_at_1": "09:00:00",
            "status": "new",
            "language": "es",
            "channel": "letter",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    feedback = Feedback.objects.get()
    assert feedback.reference.startswith("FB-")
    assert feedback.submission_token is None
    assert feedback.channel == Feedback.Channel.LETTER
    assert feedback.language == "es"


def test_the_add_form_asks_how_it_came_and_offers_languages_by_name(reviewer_client):
    form = reviewer_client.get(reverse("admin:feedback_feedback_add")).context["adminform"].form
    assert form.fields["channel"].initial == Feedback.Channel.LETTER
    assert Feedback.Channel.WEBSITE not in dict(form.fields["channel"].choices)
    assert ("es", "Español") in form.fields["language"].choices


def test_a_comment_typed_in_for_a_draft_takes_the_drafts_area(reviewer_client):
    area = AreaFactory()
    policy = PolicyFactory(title="Draft", slug="draft")
    policy.areas.add(area)
    reviewer_client.post(
        reverse("admin:feedback_feedback_add"),
        {
            "message": "A call about the draft.",
            "created_at_0": "2026-03-02",
            "created_at_1": "09:00:00",
            "status": "new",
            "channel": "phone",
            "policy": policy.pk,
        },
    )
    assert Feedback.objects.get().area == area


def test_export_gives_the_selection_as_csv_with_formulas_defused(reviewer_client):
    chosen = FeedbackFactory(
        message='=HYPERLINK("http://evil.example")', name="Zoë Ünal", zip_code="60601"
    )
    FeedbackFactory(message="Not selected.")
    response = reviewer_client.post(
        reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [chosen.pk]}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    row = rows[0]
    assert row["reference"] == chosen.reference
    assert row["message"] == '\'=HYPERLINK("http://evil.example")'
    assert (row["name"], row["zip_code"], row["topic"]) == ("Zoë Ünal", "60601", "General")


def test_the_changelist_counts_what_was_dropped_quietly(reviewer_client):
    DroppedSubmission.record(DroppedSubmission.Reason.HONEYPOT)
    DroppedSubmission.record(DroppedSubmission.Reason.HONEYPOT)
    html = reviewer_client.get(reverse(CHANGELIST)).content.decode()
    assert "Hidden field filled in: 2" in html


def test_the_changelist_query_count_does_not_grow_with_feedback(
    reviewer_client, django_assert_max_num_queries
):
    areas = AreaFactory.create_batch(3)
    policy = PolicyFactory()
    FeedbackFactory.create_batch(5, area=areas[0])

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert reviewer_client.get(reverse(CHANGELIST)).status_code == 200
        return len(queries)

    few = count_queries()
    assert few <= 17  # session, user, second-factor device, permissions, filters, counts, rows
    for index in range(45):
        FeedbackFactory(area=areas[index % 3], policy=policy if index % 2 else None)
    with django_assert_max_num_queries(few):
        reviewer_client.get(reverse(CHANGELIST))
