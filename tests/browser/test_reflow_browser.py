"""Every page type reflows: nothing scrolls sideways at 320 px, even with text at 200%.

Screenshots of each page at 320, 390 and 1280 px are kept under test-results/screenshots/
for a person to look at (CI keeps the folder).
"""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from areas.sample import generate
from tests.events.factories import EventFactory
from tests.factories import PostFactory
from tests.page_types import page_type_urls
from tests.policies.factories import DocumentFactory, PolicyExtensionFactory, PolicyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"

# Elements that reach past the right edge of the screen, outside frames that scroll on purpose.
TOO_WIDE = """width => [...document.querySelectorAll('body *')].filter(el => {
  const box = el.getBoundingClientRect();
  return box.right > width + 0.5 && el.getClientRects().length
    && !el.closest('.table-scroll') && getComputedStyle(el).position !== 'absolute';
}).slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`)"""


@pytest.fixture
def pages(db):
    """One page of every type, with content like the demo's."""
    call_command("load_demo_content", verbosity=0)
    generate(paragraphs=30, reports=6, seed=7)
    today = timezone.localdate()
    post = PostFactory(title="The monitor files its eleventh report on the consent decree")
    policy = PolicyFactory(
        title="Recognizing and Responding to Individuals in Crisis",
        comment_opens=today - datetime.timedelta(days=30),
        comment_closes=today - datetime.timedelta(days=20),
    )
    PolicyExtensionFactory(policy=policy, closes=today + datetime.timedelta(days=9))
    DocumentFactory(title="Draft directive S04-20, Recognizing and Responding", policy=policy)
    return page_type_urls(post, policy, EventFactory())


def name(path):
    return re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home"


@pytest.mark.parametrize("text_size", ["100%", "200%"])
def test_no_page_scrolls_sideways_at_320_px(page, live_server, pages, text_size):
    page.set_viewport_size({"width": 320, "height": 720})
    problems = {}
    for path in pages:
        page.goto(live_server.url + path)
        # A reader's larger text setting: every size on the site is in rem or em.
        page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        wide = page.evaluate(TOO_WIDE, 320)
        if wide or page.evaluate("document.documentElement.scrollWidth") > 320:
            problems[path] = wide
    assert not problems, problems


def test_screenshots_at_phone_and_desktop_widths(page, live_server, pages):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (320, 390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for path in pages:
            page.goto(live_server.url + path)
            target = SCREENSHOTS / f"{name(path)}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 1000
