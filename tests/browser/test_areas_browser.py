"""Area pages and the progress page in real Chromium: accessible, readable on a phone."""

import pytest
from django.core.management import call_command

from areas.sample import generate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/areas/", "/areas/use-of-force/", "/progress/"]


@pytest.fixture
def demo_with_sample_ratings(db):
    """The demo content (published figures only) plus sample ratings of 60 paragraphs."""
    call_command("load_demo_content", verbosity=0)
    generate(paragraphs=60, reports=4, seed=2)


@pytest.mark.parametrize("path", PAGES)
def test_pages_with_published_figures_only_pass_axe(
    page, live_server, demo_content, axe_check, path
):
    page.goto(live_server.url + path)
    axe_check()


@pytest.mark.parametrize("path", [*PAGES, "/"])
def test_pages_with_ratings_pass_axe(page, live_server, demo_with_sample_ratings, axe_check, path):
    page.goto(live_server.url + path)
    axe_check()


@pytest.mark.parametrize("path", [*PAGES, "/"])
def test_pages_fit_a_phone_screen_without_sideways_scrolling(
    page, live_server, demo_with_sample_ratings, path
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_chart_patterns_render_and_the_wide_table_scrolls_by_keyboard(
    page, live_server, demo_with_sample_ratings
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/areas/use-of-force/")
    # The bars are painted with the patterns the page defines (not left unfilled).
    segment = page.locator("#movement-chart-narrow rect.segment").first  # a phone draws it narrow
    assert segment.bounding_box()["width"] > 0
    assert page.evaluate("!!document.getElementById('lvl-full')")
    region = page.locator(".table-scroll:has(#paragraphs-table)")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Keyboard scrolling is animated: wait for it (fails after 5 seconds).
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000)


def test_paragraph_text_opens_without_javascript(browser, live_server, demo_with_sample_ratings):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/areas/use-of-force/")
    summary = page.locator("#paragraphs-table summary").first
    summary.click()
    assert page.locator("#paragraphs-table details").first.evaluate("el => el.open")
    context.close()
