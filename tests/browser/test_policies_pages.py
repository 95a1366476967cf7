"""Draft policies and the document library in real Chromium: accessible, self-contained."""

import datetime

import pytest

from policies.windows import local_today
from tests.factories import AreaFactory
from tests.policies.factories import DocumentFactory, PolicyExtensionFactory, PolicyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def policies(demo_content):
    """An open draft with versioned documents, and a closed one with what was heard."""
    today = local_today()
    area = AreaFactory(title="Sample area", slug="sample-area")
    open_draft = PolicyFactory(
        title="Sample open draft",
        slug="sample-open",
        comment_opens=today - datetime.timedelta(days=3),
        comment_closes=today + datetime.timedelta(days=11),
        body="## Purpose\n\nA sample draft for the tests.",
    )
    open_draft.areas.add(area)
    earlier = DocumentFactory(
        policy=open_draft, title="Sample draft, first version", published_on=today
    )
    DocumentFactory(policy=open_draft, title="Sample draft", supersedes=earlier, published_on=today)
    closed = PolicyFactory(
        title="Sample closed draft",
        slug="sample-closed",
        comment_opens=today - datetime.timedelta(days=40),
        comment_closes=today - datetime.timedelta(days=26),
        what_we_heard="Residents asked for **clearer** rules.",
    )
    PolicyExtensionFactory(policy=closed, closes=today - datetime.timedelta(days=20))
    return open_draft, closed


@pytest.mark.parametrize(
    "path",
    [
        "/policies/",
        "/policies/?status=open",
        "/policies/sample-open/",
        "/policies/sample-closed/",
        "/documents/",
        "/documents/?earlier=on&q=sample",
    ],
)
def test_policy_pages_pass_axe_wcag_22_aa(page, live_server, policies, axe_check, path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + path)
    axe_check()
    for url in requests:
        assert url.startswith(live_server.url), url


def test_filters_work_from_the_keyboard_without_javascript(browser, live_server, policies):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/policies/")
    page.get_by_label("Status").focus()
    page.keyboard.press("ArrowDown")  # Any status → Open for comment
    page.get_by_role("button", name="Show policies").press("Enter")
    page.wait_for_url("**/policies/?status=open*")
    assert page.get_by_role("link", name="Sample open draft").is_visible()
    assert page.get_by_role("link", name="Sample closed draft").count() == 0
    context.close()


def test_earlier_versions_open_from_the_keyboard(page, live_server, policies):
    page.goto(live_server.url + "/policies/sample-open/")
    summary = page.get_by_text("1 earlier version")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("link", name="Sample draft, first version").is_visible()


def test_policy_pages_fit_a_phone_screen(page, live_server, policies):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/policies/", "/policies/sample-open/", "/documents/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_a_resident_comments_on_an_open_draft_with_the_keyboard_only(
    page, live_server, policies, settings
):
    from feedback.models import Feedback

    settings.FEEDBACK_MIN_SECONDS = 0  # a test types faster than any person
    page.goto(live_server.url + "/policies/sample-open/")
    # Jump from the window line to the form, then Tab into the comment box.
    page.get_by_role("link", name="Comment on this draft").focus()
    page.keyboard.press("Enter")
    comment_box = page.get_by_label("Your comment on this draft")
    for _ in range(40):
        if page.evaluate("document.activeElement.name") == "message":
            break
        page.keyboard.press("Tab")
    assert comment_box.evaluate("box => box === document.activeElement")
    page.keyboard.type("Please keep cameras on during every stop.")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Send comment"
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/sent/**")
    feedback = Feedback.objects.get()
    assert feedback.policy.slug == "sample-open"
    assert feedback.reference in page.locator("main").inner_text()


def test_the_comment_form_passes_axe_with_its_errors_shown(
    page, live_server, policies, axe_check, settings
):
    settings.FEEDBACK_MIN_SECONDS = 0
    page.goto(live_server.url + "/policies/sample-open/")
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error:")
    axe_check()


def test_a_comment_sent_after_the_window_closed_comes_back_readable(
    page, live_server, policies, axe_check, settings
):
    from feedback.models import Feedback
    from policies.models import Policy

    settings.FEEDBACK_MIN_SECONDS = 0
    page.goto(live_server.url + "/policies/sample-open/")
    page.get_by_label("Your comment on this draft").fill("Written just before midnight.")
    # The window closes while the page is open.
    yesterday = local_today() - datetime.timedelta(days=1)
    Policy.objects.filter(slug="sample-open").update(
        comment_opens=yesterday - datetime.timedelta(days=14), comment_closes=yesterday
    )
    page.get_by_role("button", name="Send comment").click()
    assert page.get_by_role("heading", name="Your comment was not sent").is_visible()
    assert page.get_by_label("What you wrote").input_value() == "Written just before midnight."
    assert not Feedback.objects.exists()
    axe_check()
