"""Search in real Chromium: reachable from every page, accessible with results."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_searches_from_the_footer_with_the_keyboard(
    page, live_server, demo_content, axe_check
):
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search areas, posts, draft policies, documents and other cities").fill(
        "use of force"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=use+of+force")
    assert page.get_by_role("link", name="Use of Force", exact=True).is_visible()
    axe_check()
