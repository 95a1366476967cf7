"""Residents comment on a draft's own page while, and only while, its window is open."""

import datetime
import re
import time

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from feedback.abuse import new_form_token
from feedback.models import Feedback
from policies.models import Policy
from tests.factories import AreaFactory
from tests.feedback.factories import FeedbackFactory
from tests.html_text import visible_text

from .conftest import chicago
from .factories import PolicyExtensionFactory, PolicyFactory

pytestmark = pytest.mark.django_db

ONE_SECOND = datetime.timedelta(seconds=1)
COMMENT = "Please require cameras to stay on during every stop."


def shows_form(response):
    return 'name="form_token"' in response.content.decode()


@pytest.fixture
def comment(client, django_capture_on_commit_callbacks):
    """Send a comment from the draft's page as a browser would, a minute after loading it."""

    def send(policy, message=COMMENT, **changes):
        data = {
            "message": message,
            "name": "",
            "email": "",
            "zip_code": "60615",
            "language": "en",
            "website": "",
            "form_token": new_form_token(now=time.time() - 60),
            **changes,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(policy.get_absolute_url(), data)

    return send


def test_form_appears_from_local_midnight_on_the_first_day(client, clock):
    policy = PolicyFactory()
    clock.now = chicago(2023, 8, 4, 0, 0, 0) - ONE_SECOND
    assert not shows_form(client.get(policy.get_absolute_url()))
    clock.now = chicago(2023, 8, 4, 0, 0, 0)
    response = client.get(policy.get_absolute_url())
    assert shows_form(response)
    assert "Your comment on this draft" in visible_text(response)


def test_form_disappears_at_local_midnight_after_the_last_day(client, clock):
    policy = PolicyFactory()
    clock.now = chicago(2023, 8, 19, 0, 0, 0) - ONE_SECOND
    assert shows_form(client.get(policy.get_absolute_url()))
    clock.now = chicago(2023, 8, 19, 0, 0, 0)
    assert not shows_form(client.get(policy.get_absolute_url()))


def test_form_stays_for_an_extended_window(client, clock):
    policy = PolicyFactory()
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 8, 25))
    clock.now = chicago(2023, 8, 22, 9, 0)
    assert shows_form(client.get(policy.get_absolute_url()))
    clock.now = chicago(2023, 8, 26, 0, 0)
    assert not shows_form(client.get(policy.get_absolute_url()))


@pytest.mark.parametrize(
    "changes",
    [{"status": Policy.Status.REVIEW}, {"status": Policy.Status.ADOPTED}],
)
def test_no_form_on_drafts_that_are_not_open_for_comment(client, clock, changes):
    policy = PolicyFactory(**changes)
    assert not shows_form(client.get(policy.get_absolute_url()))


def test_no_form_on_a_staff_preview_of_an_unpublished_draft(staff_client, clock):
    policy = PolicyFactory(is_published=False)
    response = staff_client.get(policy.get_preview_url())
    assert response.status_code == 200
    assert not shows_form(response)


def test_a_comment_in_the_window_is_stored_with_its_policy_and_a_reference(client, clock, comment):
    policy = PolicyFactory(title="Body-worn cameras")
    clock.now = chicago(2023, 8, 18, 23, 59, 59)
    response = comment(policy)
    feedback = Feedback.objects.get()
    assert feedback.policy == policy
    assert feedback.message == COMMENT
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:sent", args=[feedback.reference])
    confirmation = visible_text(client.get(response["Location"]))
    assert feedback.reference in confirmation
    assert "Body-worn cameras" in confirmation
    assert feedback.channel == Feedback.Channel.WEBSITE


def test_a_comment_on_a_draft_takes_the_drafts_area_as_its_topic(clock, comment):
    policy = PolicyFactory()
    area = AreaFactory(title="Use of Force")
    policy.areas.add(area)
    clock.now = chicago(2023, 8, 10, 12, 0)
    comment(policy)
    assert Feedback.objects.get().area == area


def test_a_comment_in_an_extended_window_is_accepted(clock, comment):
    policy = PolicyFactory()
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 8, 25))
    clock.now = chicago(2023, 8, 22, 9, 0)
    assert comment(policy).status_code == 302
    assert Feedback.objects.get().policy == policy


def test_a_comment_sent_after_the_window_is_refused_and_given_back(clock, comment):
    policy = PolicyFactory()
    clock.now = chicago(2023, 8, 19, 0, 0, 0)
    response = comment(policy)
    assert response.status_code == 403
    text = visible_text(response)
    assert "Your comment was not sent" in text
    assert "Comments on this draft closed on 18 August 2023" in text
    assert COMMENT in text  # their words come back so that nothing is lost
    assert 'href="/feedback/"' in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_comment_sent_before_the_window_is_refused(clock, comment):
    policy = PolicyFactory()
    clock.now = chicago(2023, 8, 4, 0, 0, 0) - ONE_SECOND
    response = comment(policy)
    assert response.status_code == 403
    assert "Comments on this draft open on 4 August 2023" in visible_text(response)
    assert not Feedback.objects.exists()


def test_a_comment_on_a_policy_under_review_is_refused(clock, comment):
    policy = PolicyFactory(status=Policy.Status.REVIEW)
    response = comment(policy)
    assert response.status_code == 403
    assert "This draft is not open for comment" in visible_text(response)
    assert not Feedback.objects.exists()


def test_a_comment_with_errors_comes_back_on_the_draft_page(clock, comment):
    policy = PolicyFactory(title="Body-worn cameras")
    response = comment(policy, message="", zip_code="606")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Body-worn cameras</h1>" in html
    assert "<title>Error:" in html
    assert "Write your message before you send it." in visible_text(response)
    assert 'value="606"' in html  # what they typed is kept
    assert not Feedback.objects.exists()


def test_draft_page_is_never_cached(client, clock):
    response = client.get(PolicyFactory().get_absolute_url())
    assert "no-cache" in response.headers["Cache-Control"]


def test_comment_count_appears_only_once_the_window_has_closed(client, clock):
    policy = PolicyFactory()
    FeedbackFactory.create_batch(2, policy=policy)
    FeedbackFactory(policy=policy, status=Feedback.Status.SPAM)
    FeedbackFactory()  # general feedback, not about this draft
    clock.now = chicago(2023, 8, 18, 23, 59, 59)
    assert "comments received" not in visible_text(client.get(policy.get_absolute_url()))
    clock.now = chicago(2023, 8, 19, 0, 0, 0)
    assert "2 comments received through this website." in visible_text(
        client.get(policy.get_absolute_url())
    )


def test_letters_and_calls_count_in_the_total_but_not_as_sent_through_this_website(client, clock):
    policy = PolicyFactory()
    FeedbackFactory.create_batch(2, policy=policy)
    FeedbackFactory(policy=policy, channel=Feedback.Channel.LETTER)
    FeedbackFactory(policy=policy, channel=Feedback.Channel.PHONE)
    FeedbackFactory(policy=policy, channel=Feedback.Channel.MEETING, status=Feedback.Status.SPAM)
    clock.now = chicago(2023, 8, 19, 0, 0, 0)
    page = visible_text(client.get(policy.get_absolute_url()))
    assert "2 comments received through this website." in page
    assert "4 comments in all, counting letters, calls, emails and meetings." in page


def test_a_letter_typed_in_after_a_visit_counts_at_once_on_the_kept_draft(client, clock, settings):
    settings.FRAGMENT_CACHE = True  # the draft itself is kept, as in production
    policy = PolicyFactory()
    FeedbackFactory(policy=policy)
    clock.now = chicago(2023, 8, 19, 0, 0, 0)
    assert "1 comment received through this website." in visible_text(
        client.get(policy.get_absolute_url())
    )
    FeedbackFactory(policy=policy, channel=Feedback.Channel.LETTER)
    page = visible_text(client.get(policy.get_absolute_url()))
    assert "2 comments in all, counting letters, calls, emails and meetings." in page


def test_a_closed_draft_without_comments_says_none_came_in(client, clock):
    policy = PolicyFactory()
    clock.now = chicago(2023, 9, 1, 12, 0)
    assert "0 comments received through this website." in visible_text(
        client.get(policy.get_absolute_url())
    )


# The admin


def test_admin_shows_the_comment_count_linked_to_that_policys_comments(admin_client, clock):
    policy = PolicyFactory(title="Body-worn cameras")
    other = PolicyFactory(title="Other draft")
    FeedbackFactory.create_batch(3, policy=policy)
    FeedbackFactory(policy=other, message="About the other draft.")
    changelist = admin_client.get(reverse("admin:policies_policy_changelist")).content.decode()
    link = f"{reverse('admin:feedback_feedback_changelist')}?policy__id__exact={policy.pk}"
    assert f'<a href="{link}">3 comments</a>' in changelist.replace("&amp;", "&")
    change = admin_client.get(reverse("admin:policies_policy_change", args=[policy.pk]))
    assert f'href="{link}"' in change.content.decode()
    triage = admin_client.get(link)
    assert triage.status_code == 200
    assert "About the other draft." not in triage.content.decode()
    assert re.search(r'class="paginator">\s*3 feedback\s', triage.content.decode())


def test_staff_who_are_not_feedback_reviewers_see_the_count_without_a_link(
    client, clock, django_user_model
):
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="policies"))
    client.force_login(editor)
    policy = PolicyFactory()
    FeedbackFactory.create_batch(2, policy=policy)
    html = client.get(reverse("admin:policies_policy_changelist")).content.decode()
    assert "2 comments" in html
    assert reverse("admin:feedback_feedback_changelist") not in html
    change = client.get(reverse("admin:policies_policy_change", args=[policy.pk]))
    assert change.status_code == 200
    assert "2 comments" in change.content.decode()


def test_a_comment_refused_by_the_csrf_check_comes_back_on_the_drafts_own_page(clock):
    from django.test import Client

    policy = PolicyFactory(title="Body-worn cameras")
    browser = Client(enforce_csrf_checks=True)  # a security cookie that expired meanwhile
    data = {
        "message": COMMENT,
        "zip_code": "60615",
        "form_token": new_form_token(now=time.time() - 60),
    }
    refused = browser.post(policy.get_absolute_url(), data)
    assert refused.status_code == 403
    assert not Feedback.objects.exists()
    page = visible_text(refused)
    assert "Body-worn cameras" in page
    assert "Your comment on this draft" in page
    assert "press “Send” again" in page
    assert COMMENT in refused.content.decode()
    assert 'name="area"' not in refused.content.decode()  # not the general form's topic
    assert "Send us feedback" not in page


def test_the_admins_taking_comments_filter_uses_the_same_rule_as_the_pages(staff_client, clock):
    PolicyFactory(title="Open draft")
    PolicyFactory(title="Adopted already", status=Policy.Status.ADOPTED)
    PolicyFactory(title="Being prepared", is_published=False)
    listing = staff_client.get(reverse("admin:policies_policy_changelist"), {"window": "running"})
    html = listing.content.decode()
    assert "Open draft" in html
    assert "Adopted already" not in html
    assert "Being prepared" not in html
    assert set(Policy.objects.open_for_comment().values_list("title", flat=True)) == {"Open draft"}


def test_a_draft_added_after_its_window_closed_says_nothing_of_comments_here(client, clock):
    clock.now = chicago(2023, 9, 1, 12, 0)  # added after its window (4 to 18 August)
    policy = PolicyFactory()
    page = visible_text(client.get(policy.get_absolute_url()))
    assert "received through this website" not in page
    assert "18 August 2023" in page  # its window is still shown
