"""A draft policy prints as its content alone, with the address of every link written out."""

import datetime

import pytest
from django.utils import timezone

from tests.policies.factories import DocumentFactory, PolicyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_draft(db):
    today = timezone.localdate()
    policy = PolicyFactory(
        title="Foot Pursuits",
        body="Read the [current directive](https://example.org/directive).",
        comment_opens=today - datetime.timedelta(days=2),
        comment_closes=today + datetime.timedelta(days=12),
    )
    DocumentFactory(title="Draft directive", policy=policy)
    return policy


def test_printing_a_draft_leaves_out_navigation_and_forms(page, live_server, open_draft):
    page.goto(live_server.url + open_draft.get_absolute_url())
    assert page.locator("form.feedback-form").is_visible()
    page.emulate_media(media="print")
    for hidden in ("header nav", "footer", "form.feedback-form", "#comment"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", name="Foot Pursuits", level=1).is_visible()
    link = page.get_by_role("link", name="current directive")
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert "https://example.org/directive" in after
