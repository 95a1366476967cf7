"""The home page in real Chromium: accessible, keyboard-friendly, self-contained."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def home(page, live_server, demo_content):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/")
    return requests


def test_home_page_passes_axe_wcag_22_aa(page, home, axe_check):
    axe_check()


def test_home_page_makes_no_request_to_another_host(page, live_server, home):
    assert home, "the page made no requests at all"
    for url in home:
        assert url.startswith(live_server.url), url


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, home):
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_page_fits_a_phone_screen_without_sideways_scrolling(page, live_server, demo_content):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
