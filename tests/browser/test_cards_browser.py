"""Card grids end without a lone card beside an empty gap, and start without an empty band."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each grid of cards: the last row's cards fill the row, and no card starts with space
# above its first line (a heading's own margin inside the card).
GRIDS = """() => [...document.querySelectorAll('.cards')].map(grid => {
  const cards = [...grid.children];
  const last = cards[cards.length - 1].getBoundingClientRect();
  const row = cards.filter(card => Math.abs(card.getBoundingClientRect().top - last.top) < 1);
  const width = grid.getBoundingClientRect().width;
  const filled = row.reduce((sum, card) => sum + card.getBoundingClientRect().width, 0);
  const bands = cards.map(card => {
    const first = card.firstElementChild.getBoundingClientRect().top;
    return first - card.getBoundingClientRect().top - parseFloat(getComputedStyle(card).paddingTop);
  });
  return {filled: filled / width, band: Math.max(...bands)};
})"""


@pytest.mark.parametrize("width", [390, 800, 1280])
@pytest.mark.parametrize("path", ["/", "/areas/"])
def test_card_grids_have_no_lone_last_card_and_no_empty_band(
    page, live_server, demo_content, path, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + path)
    for grid in page.evaluate(GRIDS):
        assert grid["filled"] > 0.9, grid
        assert grid["band"] < 2, grid
