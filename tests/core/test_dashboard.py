"""The admin index shows what needs attention, each panel to the staff who may act on it."""

import datetime
import types

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import dashboard
from feedback.models import Feedback
from policies.windows import local_today
from tests.areas.factories import MonitoringReportFactory
from tests.conftest import sign_in_with_second_factor
from tests.core.test_roles import signed_in_member
from tests.factories import AnnouncementFactory, PostFactory
from tests.feedback.factories import FeedbackFactory
from tests.policies.factories import PolicyFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


@pytest.fixture
def needs_attention(db):
    today = local_today()
    day = datetime.timedelta(days=1)
    PolicyFactory(
        title="Closes in three days", comment_opens=today - 10 * day, comment_closes=today + 3 * day
    )
    PolicyFactory(
        title="Closes next month", comment_opens=today - day, comment_closes=today + 30 * day
    )
    PolicyFactory(
        title="Closed, nothing heard",
        comment_opens=today - 30 * day,
        comment_closes=today - 5 * day,
    )
    PolicyFactory(
        title="Closed and summarised",
        comment_opens=today - 30 * day,
        comment_closes=today - 5 * day,
        what_we_heard="We heard a lot.",
    )
    MonitoringReportFactory(title="IMR 13 (in preparation)", is_published=False)
    MonitoringReportFactory(title="IMR 12", is_published=True)
    now = timezone.now()
    PostFactory(title="Town hall recap", published_at=now + datetime.timedelta(days=2))
    PostFactory(title="Already out", published_at=now - datetime.timedelta(days=2))
    AnnouncementFactory(title="Hearing on Monday", starts_at=now + datetime.timedelta(days=1))
    FeedbackFactory.create_batch(3)  # new, nobody assigned
    FeedbackFactory(status=Feedback.Status.CLOSED)


def panels(response):
    return {panel.key: panel for panel in response.context["dashboard_panels"]}


def texts(panel):
    return [item.text for item in panel.items]


def test_an_editor_sees_content_that_needs_attention_but_no_feedback(
    client, django_user_model, needs_attention
):
    signed_in_member(client, django_user_model, "Editors")
    found = panels(client.get(INDEX))
    assert "feedback" not in found
    assert any("Closes in three days" in text for text in texts(found["closing-soon"]))
    assert not any("next month" in text for text in texts(found["closing-soon"]))
    assert any("nothing heard" in text for text in texts(found["no-summary"]))
    assert not any("summarised" in text for text in texts(found["no-summary"]))
    assert texts(found["reports-not-shown"]) == ["IMR 13 (in preparation)"]
    assert texts(found["scheduled"]) == [
        "Announcement: Hearing on Monday",
        "Post: Town hall recap",
    ]


def test_a_reviewer_sees_feedback_by_status_and_what_nobody_is_assigned(
    client, django_user_model, needs_attention
):
    signed_in_member(client, django_user_model, "Feedback reviewers")
    response = client.get(INDEX)
    found = panels(response)
    assert set(found) == {"feedback"}
    notes = {item.text: item.note for item in found["feedback"].items}
    assert notes["New"] == "3 messages"
    assert notes["Closed"] == "1 message"
    assert notes["New or in review, and assigned to nobody"] == "3 messages"
    # Each count links to the list it counts.
    unassigned = found["feedback"].items[-1].url
    listed = client.get(unassigned)
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == 3


def test_the_dashboard_costs_the_same_queries_however_much_needs_attention(
    admin_client, needs_attention
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(INDEX).status_code == 200
        return len(captured)

    queries()  # fills the caches
    few = queries()
    needs_attention_again = datetime.timedelta(days=2)
    for number in range(5):
        PostFactory(
            title=f"Later post {number}", published_at=timezone.now() + needs_attention_again
        )
        MonitoringReportFactory(title=f"Draft report {number}", is_published=False)
        FeedbackFactory()
    assert queries() == few


def test_an_app_adds_its_own_panel_through_its_dashboard_module(admin_client, monkeypatch):
    events = types.SimpleNamespace(
        PANELS=[lambda request: dashboard.Panel("events", "Coming up", [dashboard.Item("Hearing")])]
    )
    monkeypatch.setattr(dashboard, "app_modules", lambda name: [events])
    html = admin_client.get(INDEX).content.decode()
    assert "Coming up" in html
    assert "Hearing" in html


def test_the_admin_index_still_lists_the_sections(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    sign_in_with_second_factor(client, user)
    html = client.get(INDEX).content.decode()
    assert reverse("admin:policies_policy_changelist") in html
