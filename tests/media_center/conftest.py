"""Fixtures for the Media Center's tests."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from media_center.models import Post
from tests.factories import admin_form_in_english


@pytest.fixture
def time_travel():
    """Move the site's clock to ``delta`` after the test began: ``time_travel(hours=2)``."""
    start = timezone.now()
    patches = []

    def travel(**delta):
        moment = start + datetime.timedelta(**delta)
        patcher = mock.patch("django.utils.timezone.now", return_value=moment)
        patcher.start()
        patches.append(patcher)
        return moment

    yield travel
    for patcher in reversed(patches):
        patcher.stop()


def admin_post_form(**overrides):
    """The fields the admin's post form sends, for a published post."""
    now = timezone.localtime()
    data = {
        "title": "District council meeting",
        "slug": "district-council-meeting",
        "category": "event",
        "summary": "Residents met the district commander.",
        "body": "We met at the **library**.",
        "cover_alt": "",
        "status": "published",
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "areas": [],
        "_save": "Save",
    }
    data.update(overrides)
    return admin_form_in_english(Post, data)
