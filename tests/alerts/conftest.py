"""Fixtures for subscribing, publishing and sending, as residents and staff do."""

import datetime
import re
import time
from types import SimpleNamespace

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from alerts.models import SenderState
from feedback.abuse import new_form_token


@pytest.fixture(autouse=True)
def _site_in_chicago(settings):
    settings.TIME_ZONE = "America/Chicago"


@pytest.fixture
def sender_started(db):
    """The sender's starting point, as the migration sets it (a flush may have removed it)."""
    state, _ = SenderState.objects.get_or_create(
        pk=1, defaults={"scanned_until": timezone.now() - datetime.timedelta(minutes=1)}
    )
    return state


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """``subscribe(email, topics=[...], areas=[...])``: the form sent as a person sends it.

    The emails the request sends after its commit are sent.
    """

    def send(email, *, topics=("drafts", "events", "reports", "news"), areas=(), **extra):
        data = {
            "email": email,
            "topics": list(topics),
            "areas": [area.pk for area in areas],
            "language": "en",
            "website": "",
            "form_token": new_form_token(now=time.time() - 30),
            **extra,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("alerts:subscribe"), data)

    return send


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """``publish(record, **changes)``: save it as the admin does, its commit callbacks run."""

    def save(record, **changes):
        for name, value in changes.items():
            setattr(record, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            record.save()
        return record

    return save


@pytest.fixture
def signing_clock(monkeypatch):
    """``signing_clock(days)``: signed links are read as if that many days had passed."""
    real_time = time.time

    def move(days):
        later = real_time() + days * 86400
        monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))

    return move


def link_in(email, name):
    """The address of the ``alerts:<name>`` link in an email's text."""
    prefix = re.escape("http://testserver" + reverse(f"alerts:{name}", args=["TOKEN"]))
    prefix = prefix.replace("TOKEN", "[^/]+")
    found = re.search(prefix, email.body)
    assert found, f"No {name} link in: {email.body}"
    return found.group(0)


def path_of(url):
    return url.removeprefix("http://testserver")
