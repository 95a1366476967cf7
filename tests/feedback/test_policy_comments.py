"""Comments on a draft go through the feedback intake, on the policy's own page.

The same checks and the same confirmation, with the policy attached; and only
while the policy's window is open.
"""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from feedback.models import Feedback
from tests.factories import AreaFactory
from tests.html_text import visible_text
from tests.policies.factories import PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyFactory(title="Body-worn cameras", open_today=True)


@pytest.fixture
def page_url(policy):
    return reverse("policies:detail", args=[policy.slug])


def test_the_policy_page_shows_the_same_form_without_the_topic_question(client, page_url):
    html = client.get(page_url).content.decode()
    assert "Your comment on this draft" in html
    assert 'name="area"' not in html
    assert 'name="form_token"' in html
    assert f'action="{page_url}"' in html
    assert '<h3 id="feedback-privacy-heading">' in html
    assert "Send comment" in html


def test_a_comment_is_stored_with_its_policy_and_confirmed(client, send, page_url, policy):
    response = send(url=page_url, area="", message="Cameras should stay on during stops.")
    feedback = Feedback.objects.get()
    assert feedback.policy == policy
    assert feedback.area is None
    assert response["Location"] == reverse("feedback:sent", args=[feedback.reference])
    confirmation = client.get(response["Location"]).content.decode()
    assert "Body-worn cameras" in confirmation
    assert "Cameras should stay on during stops." in confirmation


def test_errors_come_back_on_the_policy_page_itself(send, page_url):
    response = send(url=page_url, message="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Body-worn cameras</h1>" in html
    assert "Write your message before you send it." in html
    assert not Feedback.objects.exists()


def test_a_topic_sent_to_the_policy_page_is_ignored(send, page_url, policy):
    send(url=page_url, area=str(AreaFactory().pk))
    assert Feedback.objects.get().area is None


def test_the_rate_limit_page_posts_back_to_the_policy(send, form_token, page_url, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    send(url=page_url, form_token=form_token())
    response = send(url=page_url, form_token=form_token(), message="Second comment.")
    assert response.status_code == 429
    html = response.content.decode()
    assert f'action="{page_url}"' in html
    assert "Second comment." in html


def test_a_policy_with_comments_cannot_be_deleted_by_accident(send, page_url, policy):
    send(url=page_url)
    with pytest.raises(ProtectedError):
        policy.delete()


def test_a_closed_policy_page_has_no_form_and_takes_no_comment(client, send):
    closed = PolicyFactory(title="Vehicle pursuits")  # its window ended in August 2023
    page_url = reverse("policies:detail", args=[closed.slug])
    assert 'name="form_token"' not in client.get(page_url).content.decode()

    response = send(url=page_url, message="Pursuits should end sooner.")
    assert response.status_code == 403
    assert "Your comment was not sent" in visible_text(response)
    assert "Pursuits should end sooner." in visible_text(response)
    assert not Feedback.objects.exists()
