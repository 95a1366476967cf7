"""Fixtures for sending feedback the way a browser does."""

import datetime
import time
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback import abuse
from feedback.abuse import new_form_token


@pytest.fixture
def form_token():
    """A signed form token, as if the form had been shown ``seconds_ago``."""

    def make(seconds_ago=60):
        return new_form_token(now=time.time() - seconds_ago)

    return make


@pytest.fixture
def wait(monkeypatch):
    """``wait(seconds)``: the form tokens' clock moves on, as if the person took that long."""
    real_time = time.time
    offset = 0

    def advance(seconds):
        nonlocal offset
        offset += seconds

    monkeypatch.setattr(abuse, "time", SimpleNamespace(time=lambda: real_time() + offset))
    return advance


@pytest.fixture
def later(monkeypatch):
    """``later(seconds)``: the site's clock (``timezone.now``) moves on by that much."""
    real_now = timezone.now
    offset = datetime.timedelta()

    def advance(seconds):
        nonlocal offset
        offset += datetime.timedelta(seconds=seconds)

    monkeypatch.setattr(timezone, "now", lambda: real_now() + offset)
    return advance


@pytest.fixture
def valid_data(form_token):
    return {
        "message": "The new training videos are helpful. Please publish more of them.",
        "area": "",
        "name": "Ada Resident",
        "email": "ada@example.org",
        "zip_code": "60615",
        "may_contact": "on",
        "language": "en",
        "website": "",
        "form_token": form_token(),
    }


@pytest.fixture
def send(client, valid_data, django_capture_on_commit_callbacks):
    """POST the general form with ``valid_data`` changed by ``changes``; run on-commit work.

    Upper-case keywords (``REMOTE_ADDR=...``) go to the request, not the form.
    """

    def post(url=None, client=client, **changes):
        meta = {key: value for key, value in changes.items() if key.isupper()}
        data = {**valid_data, **{k: v for k, v in changes.items() if not k.isupper()}}
        data = {key: value for key, value in data.items() if value is not None}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url or reverse("feedback:form"), data, **meta)

    return post
