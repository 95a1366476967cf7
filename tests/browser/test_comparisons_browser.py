"""The comparison pages in real Chromium: accessible, sortable by keyboard, self-contained."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def requests(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def open_every_details(page):
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")


@pytest.mark.parametrize("query", ["", "?sort=-years", "?sort=no-such-column"])
def test_comparison_page_passes_axe_wcag_22_aa(page, live_server, demo_content, axe_check, query):
    page.goto(f"{live_server.url}/comparisons/{query}")
    open_every_details(page)
    axe_check()


@pytest.mark.parametrize("slug", ["los-angeles", "chicago", "baltimore"])
def test_decree_pages_pass_axe_wcag_22_aa(page, live_server, demo_content, axe_check, slug):
    page.goto(f"{live_server.url}/comparisons/{slug}/")
    axe_check()


def test_a_keyboard_user_sorts_by_a_heading_and_lands_on_the_table(page, live_server, demo_content):
    page.goto(f"{live_server.url}/comparisons/")
    heading = page.get_by_role("link", name="Paragraphs (sort fewest first, unknown counts last)")
    heading.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/comparisons/?sort=paragraphs#comparison-table")
    sorted_heading = page.locator("th[aria-sort]")
    assert sorted_heading.count() == 1
    assert sorted_heading.get_attribute("aria-sort") == "ascending"
    assert "Paragraphs" in sorted_heading.inner_text()
    assert page.locator("#comparison-table").is_visible()
    status = page.get_by_role("status").first.inner_text()
    assert status.startswith("Sorted by number of paragraphs, fewest first")
    first_rows = page.locator("table.comparison tbody tr th[scope=row] a").all_inner_texts()
    assert first_rows[:3] == ["Chicago", "Los Angeles", "Seattle"]

    page.get_by_role("link", name="Paragraphs (sort most first, unknown counts last)").press(
        "Enter"
    )
    page.wait_for_url("**/comparisons/?sort=-paragraphs#comparison-table")
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"


def test_comparison_pages_make_no_request_to_another_host(
    page, live_server, demo_content, requests
):
    page.goto(f"{live_server.url}/comparisons/")
    page.goto(f"{live_server.url}/comparisons/new-orleans/")
    assert requests
    for url in requests:
        assert url.startswith(live_server.url), url


def test_comparison_page_fits_a_phone_screen_without_sideways_scrolling(
    page, live_server, demo_content
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/comparisons/")
    open_every_details(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The phone gets the charts' narrow drawings, which fit the screen.
    assert page.locator("svg.chart-narrow").first.is_visible()
    assert not page.locator("svg.chart-wide").first.is_visible()


def test_the_csp_blocks_nothing_on_the_comparison_page(page, live_server, demo_content):
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(f"{live_server.url}/comparisons/")
    assert not [text for text in violations if "Content Security Policy" in text]
