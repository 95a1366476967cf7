"""The accessibility and privacy pages and the header search, in real Chromium."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page):
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


@pytest.mark.parametrize("path", ["/accessibility/", "/privacy/"])
def test_the_site_pages_pass_axe(page, live_server, demo_content, axe_check, path):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    axe_check()


@pytest.mark.parametrize("path", ["/", "/search/?q=training", "/areas/"])
def test_pages_with_the_header_search_pass_axe(page, live_server, demo_content, axe_check, path):
    page.goto(live_server.url + path)
    assert page.get_by_role("search", name="Site search").is_visible()
    axe_check()


def test_the_keyboard_reaches_search_from_the_top_of_the_page(page, live_server, demo_content):
    page.goto(live_server.url + "/areas/")
    # The skip link, the site's name, the page in Spanish, then the search box.
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops == ["A", "A", "A", "header-search-q"]
    page.keyboard.type("use of force")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=use+of+force")
    assert page.get_by_role("link", name="Use of Force").first.is_visible()


def test_the_header_search_works_without_javascript(browser, live_server, demo_content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/privacy/")
        page.get_by_label("Search the site").fill("trainings")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**/search/?q=trainings")
        assert page.get_by_role("link", name="Training").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/accessibility/", "/privacy/"])
def test_the_header_and_pages_reflow_at_320_pixels(page, live_server, demo_content, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.locator(".site-menu-button").click()  # a phone folds the search away
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box = page.locator("#header-search-q").bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320


def test_a_resident_reports_a_barrier_from_the_statement(page, live_server, demo_content):
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Accessibility").click()
    page.wait_for_url("**/accessibility/")
    page.get_by_role("link", name="Report an accessibility problem").click()
    page.wait_for_url("**/feedback/?topic=accessibility*")
    assert page.get_by_label("Topic").input_value() == "accessibility"
