"""Staff hear of each submission by email; a failing mail server never costs a submission."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from feedback.models import Feedback

pytestmark = pytest.mark.django_db


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_each_submission_emails_the_configured_staff_address(send, settings):
    settings.FEEDBACK_NOTIFY_EMAILS = ["reviewers@example.org"]
    send()
    feedback = Feedback.objects.get()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["reviewers@example.org"]
    assert feedback.reference in email.subject
    assert f"/admin/feedback/feedback/{feedback.pk}/change/" in email.body
    assert feedback.notified_at is not None


def test_the_email_carries_no_personal_data_and_not_the_message(send, settings):
    settings.FEEDBACK_NOTIFY_EMAILS = ["reviewers@example.org"]
    send()
    body = mail.outbox[0].body
    for private in ("Ada Resident", "ada@example.org", "60615", "training videos"):
        assert private not in body


def test_a_failing_email_backend_keeps_the_submission_and_logs_it(send, settings, caplog):
    settings.FEEDBACK_NOTIFY_EMAILS = ["reviewers@example.org"]
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    response = send()
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.notified_at is None
    assert f"Feedback {feedback.reference} is stored, but the staff email failed." in caplog.text
    assert "ConnectionRefusedError" in caplog.text


def test_without_a_staff_address_the_submission_is_stored_and_a_warning_logged(
    send, settings, caplog
):
    settings.FEEDBACK_NOTIFY_EMAILS = []
    send()
    assert Feedback.objects.count() == 1
    assert not mail.outbox
    assert "set FEEDBACK_NOTIFY_EMAILS" in caplog.text


def test_the_email_waits_until_the_submission_is_committed(
    client, valid_data, settings, django_capture_on_commit_callbacks
):
    settings.FEEDBACK_NOTIFY_EMAILS = ["reviewers@example.org"]
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        client.post(reverse("feedback:form"), valid_data)
    assert Feedback.objects.count() == 1
    assert not mail.outbox
    for callback in after_commit:
        callback()
    assert len(mail.outbox) == 1
