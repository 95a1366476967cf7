"""Sending: plain text and accessible HTML, retries with backoff, and never the same email twice."""

import datetime
import io
import os
import smtplib
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone, translation

from alerts import sending
from alerts.models import Alert, Delivery
from alerts.sending import SenderBusy, one_sender_at_a_time, send_pending
from tests.factories import PostFactory

from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


class FailingBackend:
    """A mail server that refuses the next emails with ``error``."""

    error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        raise self.error


@pytest.fixture
def one_alert(publish, sender_started):
    """One subscriber and one post announced to them."""
    SubscriptionFactory(email="ada@example.org")
    post = publish(
        PostFactory.build(title="Training academy opens its doors", summary="All welcome.")
    )
    return post, Delivery.objects.get()


def test_an_alert_has_plain_text_and_accessible_html_in_the_subscribers_language(
    publish, sender_started, settings
):
    settings.LANGUAGES = [("en", "English"), ("es", "Español")]
    SubscriptionFactory(email="ana@example.org", language="es")
    post = PostFactory.build(
        title="Training & Recruitment: the academy opens", summary="All welcome."
    )
    publish(post)
    send_pending()
    (email,) = mail.outbox
    with translation.override("es"):
        address = f"http://testserver{post.get_absolute_url()}"
    assert address.startswith("http://testserver/es/")  # the page in the subscriber's language
    assert email.subject == "Noticias: Training & Recruitment: the academy opens"
    assert "Training & Recruitment: the academy opens\n\nAll welcome." in email.body  # not escaped
    assert address in email.body
    html, kind = email.alternatives[0]
    assert kind == "text/html"
    assert '<html lang="es">' in html
    assert "<title>Noticias: Training &amp; Recruitment: the academy opens</title>" in html
    assert "Training &amp; Recruitment: the academy opens</h1>" in html
    assert f'href="{address}"' in html
    assert ">Cancelar la suscripción</a>" in html
    assert ">Cambiar lo que recibe</a>" in html


def test_a_failed_email_is_retried_later_and_then_given_up_with_its_error(
    one_alert, settings, monkeypatch
):
    settings.ALERTS_RETRY_SECONDS = 300
    settings.ALERTS_MAX_ATTEMPTS = 3
    _post, delivery = one_alert
    now = timezone.now()
    monkeypatch.setattr(sending, "get_connection", FailingBackend)
    report = send_pending(now=now)
    assert (report.sent, report.retrying) == (0, 1)
    delivery.refresh_from_db()
    assert delivery.attempts == 1
    assert delivery.next_attempt_at == now + datetime.timedelta(seconds=300)
    assert "SMTPServerDisconnected" in delivery.last_error
    assert send_pending(now=now + datetime.timedelta(seconds=299)).retrying == 0  # not yet
    send_pending(now=now + datetime.timedelta(seconds=300))
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    # Twice as long before the next try.
    assert delivery.next_attempt_at == now + datetime.timedelta(seconds=300 + 600)
    report = send_pending(now=now + datetime.timedelta(seconds=900))
    assert report.failed == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert Alert.objects.get().failed == 1
    monkeypatch.undo()
    assert send_pending(now=now + datetime.timedelta(days=2)).sent == 0  # given up for good


def test_an_email_that_failed_once_goes_out_on_a_later_run(one_alert, settings, monkeypatch):
    settings.ALERTS_RETRY_SECONDS = 60
    now = timezone.now()
    monkeypatch.setattr(sending, "get_connection", FailingBackend)
    send_pending(now=now)
    monkeypatch.undo()
    assert send_pending(now=now + datetime.timedelta(seconds=61)).sent == 1
    assert len(mail.outbox) == 1
    assert Alert.objects.get().sent == 1


def test_an_address_the_mail_server_refuses_is_not_tried_again(one_alert, monkeypatch):
    class Refusing(FailingBackend):
        error = smtplib.SMTPRecipientsRefused({"ada@example.org": (550, b"No such user")})

    monkeypatch.setattr(sending, "get_connection", Refusing)
    assert send_pending().failed == 1
    assert Delivery.objects.get().status == Delivery.Status.FAILED


def test_an_email_about_an_item_unpublished_meanwhile_waits_and_goes_if_it_returns(
    one_alert, publish
):
    post, _delivery = one_alert
    publish(post, status="draft")
    report = send_pending()
    assert (report.sent, report.held) == (0, 1)
    assert not mail.outbox
    publish(post, status="published")
    later = timezone.now() + sending.HOLD_STEP + datetime.timedelta(seconds=1)
    assert send_pending(now=later).sent == 1
    assert len(mail.outbox) == 1


def test_an_email_about_an_item_hidden_for_days_or_deleted_is_withdrawn(one_alert, publish):
    post, _delivery = one_alert
    publish(post, status="draft")
    much_later = timezone.now() + sending.HOLD_FOR + datetime.timedelta(minutes=1)
    assert send_pending(now=much_later).withdrawn == 1
    assert Delivery.objects.get().status == Delivery.Status.WITHDRAWN
    assert not mail.outbox


def test_a_topic_switched_off_after_queueing_is_not_sent(one_alert):
    _post, delivery = one_alert
    delivery.subscription.topics = ["events"]
    delivery.subscription.save()
    assert send_pending().withdrawn == 1
    assert not mail.outbox


def test_a_run_sends_at_most_its_limit_and_the_next_run_goes_on(publish, sender_started):
    SubscriptionFactory.create_batch(5)
    publish(PostFactory.build())
    assert send_pending(limit=3).sent == 3
    assert send_pending(limit=3).sent == 2
    assert len({m.to[0] for m in mail.outbox}) == 5


def test_with_the_lock_file_held_a_second_sender_sends_nothing(
    one_alert, settings, tmp_path, monkeypatch
):
    # SQLite's way, forced here on any database.
    monkeypatch.setattr(sending, "rows_lock_themselves", lambda: False)
    settings.ALERTS_LOCK_FILE = tmp_path / "send_alerts.lock"
    with one_sender_at_a_time(), pytest.raises(SenderBusy):
        send_pending()
    assert not mail.outbox
    assert send_pending().sent == 1  # once the first has finished


def run_senders_at_once(count):
    """``count`` senders in threads, started together; their reports (or "busy")."""
    barrier = threading.Barrier(count)
    results = []

    def sender():
        try:
            barrier.wait()
            results.append(send_pending())
        except SenderBusy:
            results.append("busy")
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_each_email_exactly_once(
    publish, sender_started, settings, tmp_path
):
    settings.EMAIL_BACKEND = "tests.alerts.backends.SlowMemoryBackend"
    settings.ALERTS_LOCK_FILE = tmp_path / "send_alerts.lock"
    addresses = {f"resident{n}@example.org" for n in range(30)}
    for address in addresses:
        SubscriptionFactory(email=address)
    post = publish(PostFactory.build())
    assert Delivery.objects.count() == 30

    results = run_senders_at_once(2)

    sent_to = [message.to[0] for message in mail.outbox]
    assert sorted(sent_to) == sorted(addresses)  # each exactly once
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 30
    assert Alert.objects.get(source="media_center.post", object_id=post.pk).sent == 30
    if connection.vendor == "postgresql":
        # Row locks: both senders worked at the same time, each on its own emails.
        assert all(result != "busy" and result.sent > 0 for result in results), results
    else:
        # SQLite: one sender at a time.
        assert "busy" in results, results


def database_url():
    """The test database, as DATABASE_URL names it for another process."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="Another process cannot open SQLite's in-memory test database.",
)
@pytest.mark.django_db(transaction=True)
def test_two_send_alerts_commands_at_once_send_each_email_exactly_once(
    publish, sender_started, tmp_path
):
    addresses = {f"resident{n}@example.org" for n in range(40)}
    for address in addresses:
        SubscriptionFactory(email=address)
    publish(PostFactory.build())
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "reform_site.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_ENV_FILE": "",
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "tests.alerts.backends.SlowFileBackend",
        "ALERTS_TEST_MAIL_DIR": str(tmp_path),
        "ALERTS_TEST_SENDERS": "2",
    }
    command = [sys.executable, "manage.py", "send_alerts"]
    runs = [
        subprocess.Popen(  # noqa: S603 (our own manage.py, with our own arguments)
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    files = list(tmp_path.glob("mail-*"))
    sent_to = [path.read_text(encoding="utf-8") for path in files]
    assert sorted(sent_to) == sorted(addresses), outputs  # each exactly once
    senders = {path.name.split("-")[1] for path in files}
    assert len(senders) == 2, outputs  # both commands sent some
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 40


def test_the_command_sends_and_says_what_it_did(one_alert):
    out = io.StringIO()
    call_command("send_alerts", stdout=out)
    assert "Emails: 1 sent, 0 to retry, 0 failed" in out.getvalue()
    assert len(mail.outbox) == 1


def test_the_command_refuses_to_run_without_the_sites_address(one_alert, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="Set SITE_URL"):
        call_command("send_alerts")
    assert not mail.outbox
