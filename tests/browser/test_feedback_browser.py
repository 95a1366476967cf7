"""Sending feedback in real Chromium, on a phone-sized screen, with the keyboard alone."""

import re

import pytest

from feedback.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = re.compile(r"FB-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def form_page(page, live_server, demo_content, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    page.set_viewport_size({"width": 360, "height": 740})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/feedback/")
    return requests


def focused(page):
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def tab_to(page, element_id, limit=40):
    """Press Tab until ``element_id`` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == element_id:
            return
    pytest.fail(f"Tab never reached #{element_id}; it stopped at {focused(page)}")


def test_the_form_page_passes_axe(page, form_page, axe_check):
    axe_check()


def test_a_resident_sends_feedback_with_the_keyboard_alone_on_a_phone(
    page, form_page, live_server, axe_check
):
    tab_to(page, "id_area")
    page.keyboard.press("ArrowDown")  # from General to the first area
    page.keyboard.press("Tab")
    assert focused(page) == "id_message"
    page.keyboard.type("Officers came to our block meeting. Please keep doing it.")
    page.keyboard.press("Tab")
    assert focused(page) == "id_may_contact"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("ada@example.org")
    page.keyboard.press("Tab")
    assert focused(page) == "id_language"
    page.keyboard.press("Tab")
    page.keyboard.type("Ada Resident")
    page.keyboard.press("Tab")
    page.keyboard.type("60615")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/feedback/sent/FB-"))
    reference = page.locator(".feedback-reference-number").inner_text()
    assert REFERENCE.fullmatch(reference)
    feedback = Feedback.objects.get()
    assert feedback.reference == reference
    assert feedback.area.title == "Community Policing"
    assert (feedback.email, feedback.zip_code, feedback.may_contact) == (
        "ada@example.org",
        "60615",
        True,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check()


def test_errors_are_announced_linked_and_pass_axe(page, form_page, axe_check):
    tab_to(page, "id_may_contact")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("not-an-email")
    page.keyboard.press("Enter")  # submits the form from the email field

    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Error:")
    # The summary takes focus so a screen reader reads it first.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    links = page.locator(".error-summary a")
    assert links.count() == 2
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
    assert "id_email_error" in page.locator("#id_email").get_attribute("aria-describedby")
    assert page.locator("#id_email").input_value() == "not-an-email"
    assert page.locator("#id_may_contact").is_checked()
    axe_check()

    # Following a summary link with the keyboard lands on the field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_message"
    page.keyboard.type("Now with a message.")
    assert "Now with a message." in page.locator("#id_message").input_value()


def test_the_feedback_pages_make_no_request_to_another_host(page, form_page, live_server):
    assert form_page
    for url in form_page:
        assert url.startswith(live_server.url), url


def test_the_form_works_without_javascript(browser, live_server, demo_content, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/feedback/")
    page.fill("#id_message", "Sent from a browser without JavaScript.")
    page.click(".feedback-form button[type=submit]")
    page.wait_for_url(re.compile(r"/feedback/sent/FB-"))
    assert Feedback.objects.get().message == "Sent from a browser without JavaScript."
    context.close()


def test_the_rate_limit_page_keeps_the_text_and_passes_axe(page, form_page, settings, axe_check):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    page.fill("#id_message", "First message.")
    page.click(".feedback-form button[type=submit]")
    page.wait_for_url(re.compile(r"/feedback/sent/FB-"))
    page.goto(page.url.split("/feedback/")[0] + "/feedback/")
    page.fill("#id_message", "Second message, please keep it.")
    with page.expect_response(lambda response: response.status == 429):
        page.click(".feedback-form button[type=submit]")
    assert page.locator("#id_message").input_value() == "Second message, please keep it."
    axe_check()


def test_the_confirmation_keeps_only_the_reference_once_its_time_is_up(
    page, form_page, settings, axe_check
):
    settings.FEEDBACK_CONFIRMATION_SECONDS = 0
    page.fill("#id_message", "Please keep the substation open at night.")
    page.check("#id_may_contact")
    page.fill("#id_email", "ada@example.org")
    page.click(".feedback-form button[type=submit]")
    page.wait_for_url(re.compile(r"/feedback/sent/FB-"))
    assert page.locator(".feedback-reference-number").inner_text() == (
        Feedback.objects.get().reference
    )
    text = page.locator("main").inner_text()
    assert "no longer shown here, to protect your privacy" in text
    assert "substation" not in text
    assert "ada@example.org" not in text
    axe_check()
