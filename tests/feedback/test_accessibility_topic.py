"""A resident reports an accessibility barrier as a topic of its own, and reviewers find it."""

import csv
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from feedback.models import Feedback, OtherTopic
from tests.factories import AreaFactory
from tests.feedback.factories import FeedbackFactory
from tests.feedback.test_admin import CHANGELIST, reviewer, reviewer_client  # noqa: F401

pytestmark = pytest.mark.django_db


def topic_select(html):
    return re.search(r'<select name="area".*?</select>', html, re.S)[0]


def test_the_topic_list_ends_with_website_accessibility(client):
    AreaFactory(title="Use of Force")
    select = topic_select(client.get(reverse("feedback:form")).content.decode())
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    assert options == ["General", "Use of Force", "Website accessibility"]
    assert '<option value="" selected>General</option>' in select


def test_the_accessibility_statement_link_opens_the_form_with_the_topic_chosen(client):
    html = client.get(reverse("feedback:form"), {"topic": "accessibility"}).content.decode()
    assert '<option value="accessibility" selected>Website accessibility</option>' in (
        topic_select(html)
    )


@pytest.mark.parametrize("topic", ["nonsense", "1", ""])
def test_an_unknown_topic_in_the_address_leaves_general_chosen(client, topic):
    AreaFactory()
    html = client.get(reverse("feedback:form"), {"topic": topic}).content.decode()
    assert '<option value="" selected>General</option>' in topic_select(html)


def test_a_barrier_report_is_stored_under_its_topic_and_confirmed_by_name(client, send):
    response = send(area="accessibility", message="The chart on Progress has no table for me.")
    feedback = Feedback.objects.get()
    assert feedback.other_topic == OtherTopic.ACCESSIBILITY
    assert feedback.area is None
    confirmation = client.get(response["Location"]).content.decode()
    assert "Website accessibility" in confirmation


def test_a_report_with_an_error_comes_back_with_its_topic_still_chosen(send):
    response = send(area="accessibility", message="")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="accessibility" selected>Website accessibility</option>' in html
    assert not Feedback.objects.exists()


def test_a_record_cannot_have_both_an_area_and_another_topic():
    feedback = FeedbackFactory.build(area=AreaFactory(), other_topic=OtherTopic.ACCESSIBILITY)
    with pytest.raises(ValidationError, match=r"Choose an area or another topic, not both\."):
        feedback.full_clean()


def test_reviewers_filter_and_export_accessibility_reports(reviewer_client):  # noqa: F811
    area = AreaFactory(title="Training")
    barrier = FeedbackFactory(other_topic=OtherTopic.ACCESSIBILITY)
    general = FeedbackFactory()
    on_area = FeedbackFactory(area=area)

    def shown(**params):
        page = reviewer_client.get(reverse(CHANGELIST), params)
        assert page.status_code == 200
        return set(page.context["cl"].result_list)

    assert shown(topic="accessibility") == {barrier}
    assert shown(topic="general") == {general}
    assert shown(topic=str(area.pk)) == {on_area}
    listing = reviewer_client.get(reverse(CHANGELIST)).content.decode()
    assert "Website accessibility" in listing

    export = reviewer_client.post(
        reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [barrier.pk]}
    )
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0]["topic"] == "Website accessibility"
