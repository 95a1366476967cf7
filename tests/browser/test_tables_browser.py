"""Every figure of every data table can be seen on a phone: stacked, or in a frame that says it scrolls."""

import pytest
from django.core.management import call_command

from areas.sample import generate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TABLE_PAGES = ["/progress/", "/areas/use-of-force/", "/comparisons/"]

# For each table cell: whether it lies inside the screen, and if not, whether it sits in a
# focusable scrolling frame that a visible cue announces.
# A stacked table's own headings are hidden on a phone (each cell names its column instead).
CELLS = """width => [...document.querySelectorAll('table td, table th')].filter(cell => {
  const head = cell.closest('thead');
  return !head || head.getBoundingClientRect().width > 1;
}).map(cell => {
  const box = cell.getBoundingClientRect();
  const frame = cell.closest('.table-scroll');
  const cue = frame && frame.previousElementSibling;
  return {
    text: cell.textContent.trim().slice(0, 30),
    onScreen: box.left >= 0 && box.right <= width + 0.5,
    scrolls: !!frame && frame.tabIndex === 0 && frame.scrollWidth > frame.clientWidth,
    cued: !!cue && cue.classList.contains('scroll-cue') && cue.getClientRects().length > 0,
  };
})"""


@pytest.fixture
def rated_demo(db):
    call_command("load_demo_content", verbosity=0)
    generate(paragraphs=40, reports=8, seed=3)


def open_every_details(page):
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_every_figure_is_visible_or_behind_a_scroll_cue(page, live_server, rated_demo, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + path)
    open_every_details(page)
    cells = page.evaluate(CELLS, width)
    assert cells
    hidden = [
        cell for cell in cells if not cell["onScreen"] and not (cell["scrolls"] and cell["cued"])
    ]
    assert not hidden, hidden[:5]


def test_a_stacked_row_names_each_figure_on_a_phone(page, live_server, rated_demo):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/progress/")
    labels = (
        page.locator("#breakdown-table tbody tr")
        .first.locator("td")
        .evaluate_all("cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    )
    assert labels == [
        '"Full"',
        '"Secondary"',
        '"Preliminary"',
        '"Not yet in compliance"',
        '"Not assessed"',
        '"Paragraphs"',
    ]
    assert page.locator("#breakdown-table thead").bounding_box()["width"] <= 1
