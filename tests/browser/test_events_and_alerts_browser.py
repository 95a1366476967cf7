"""Meetings and email alerts in real Chromium: accessible, keyboard-friendly, self-contained."""

import re

import pytest
from django.core import mail

from alerts.models import Subscription
from events.models import Event
from tests.events.factories import EventFactory, EventLinkFactory, days_from_now
from tests.factories import AreaFactory
from tests.policies.factories import PolicyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def events(demo_content):
    """Chicago's past hearings, plus an upcoming town hall with everything and a cancelled one."""
    town_hall = EventFactory(title="Town hall on foot pursuits", starts_at=days_from_now(5))
    town_hall.areas.add(AreaFactory(title="Sample area"))
    town_hall.policies.add(PolicyFactory(title="Sample draft"))
    EventLinkFactory(event=town_hall, kind="slides", label="Slides for the town hall")
    cancelled = EventFactory(
        title="Austin listening session",
        starts_at=days_from_now(9),
        status=Event.Status.CANCELLED,
        status_note="The room is not available; a new date will follow.",
    )
    return town_hall, cancelled


@pytest.fixture
def visit(page, live_server):
    """``visit(path)``: open a page on a phone-sized screen; the requests it made."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 360, "height": 740})

    def go(path):
        page.goto(live_server.url + path)
        return requests

    return go


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("which", ["list", "upcoming", "cancelled", "past"])
def test_event_pages_pass_axe_and_fit_a_phone(page, live_server, visit, events, axe_check, which):
    town_hall, cancelled = events
    past = Event.objects.past().first()
    path = {
        "list": "/events/",
        "upcoming": town_hall.get_absolute_url(),
        "cancelled": cancelled.get_absolute_url(),
        "past": past.get_absolute_url(),
    }[which]
    requests = visit(path)
    assert page.locator("h1").count() == 1
    axe_check()
    assert fits_the_screen(page)
    for url in requests:
        assert url.startswith(live_server.url), url


def test_add_to_calendar_downloads_the_events_file(page, visit, events):
    town_hall, _cancelled = events
    visit(town_hall.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar").click()
    assert download.value.suggested_filename == f"{town_hall.slug}.ics"
    body = download.value.path().read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in body
    assert str(town_hall.uid) in body


def test_a_resident_subscribes_confirms_changes_and_unsubscribes(
    page, live_server, visit, demo_content, settings, axe_check
):
    settings.FEEDBACK_MIN_SECONDS = 0
    visit("/alerts/")
    axe_check()
    page.fill("#id_email", "ada@example.org")
    page.uncheck("#id_topics_3")  # no news, thank you
    page.get_by_label("Training").check()
    page.get_by_role("button", name="Subscribe").click()
    page.wait_for_url(re.compile("/alerts/check-your-email/"))
    axe_check()
    (confirmation,) = mail.outbox
    link = re.search(r"http://testserver(/alerts/confirm/[^\s]+)", confirmation.body)
    assert link, confirmation.body

    visit(link.group(1))
    axe_check()
    page.get_by_role("button", name="Yes, start my alerts").click()
    page.wait_for_url(re.compile("/alerts/preferences/"))
    assert "You are subscribed" in page.inner_text("body")
    axe_check()
    assert fits_the_screen(page)
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at
    assert sorted(subscription.topics) == ["drafts", "events", "reports"]

    page.uncheck("#id_topics_0")
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_selector("text=Your choices are saved.")
    assert sorted(Subscription.objects.get().topics) == ["events", "reports"]

    page.get_by_role("button", name="Unsubscribe and delete my address").click()
    page.wait_for_selector("h1:has-text('You are unsubscribed')")
    axe_check()
    assert not Subscription.objects.exists()


def test_the_subscription_form_errors_are_announced_linked_and_pass_axe(
    page, visit, demo_content, settings, axe_check
):
    settings.FEEDBACK_MIN_SECONDS = 0
    visit("/alerts/")
    page.fill("#id_email", "not-an-email")
    for box in range(4):
        page.uncheck(f"#id_topics_{box}")
    page.get_by_role("button", name="Subscribe").click()
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.locator(".error-summary a").count() == 2
    assert page.locator("#id_email").input_value() == "not-an-email"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    axe_check()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_email"


def test_the_subscription_form_works_without_javascript(
    browser, live_server, demo_content, settings
):
    settings.FEEDBACK_MIN_SECONDS = 0
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/alerts/")
    page.fill("#id_email", "nojs@example.org")
    page.get_by_role("button", name="Subscribe").click()
    page.wait_for_url(re.compile("/alerts/check-your-email/"))
    assert Subscription.objects.get().email == "nojs@example.org"
    context.close()
