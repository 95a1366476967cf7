"""Charts a resident can read: on a phone, and in normal and forced-colors (light and dark) modes."""

import pytest
from django.core.management import call_command

from areas.sample import generate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART_PAGES = ["/progress/", "/areas/use-of-force/", "/comparisons/"]

# Every visible SVG text: its size on screen in CSS pixels, and its colour against the
# page behind it (the row highlight of the site's own decree where it sits on one).
CHART_TEXT = """() => {
  const parse = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => {
    const ch = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const page = parse(getComputedStyle(document.body).backgroundColor);
  return [...document.querySelectorAll('svg text')].filter(t => t.getClientRects().length).map(t => {
    const svg = t.ownerSVGElement;
    const scale = svg.getScreenCTM().a;
    const row = t.closest('.bar-row');
    const own = row && svg.querySelector('.own-row');
    let behind = page;
    if (own && t.closest('.bar-row').dataset.city && row.querySelector('.own')) {
      behind = parse(getComputedStyle(own).fill);
    }
    return {
      text: t.textContent.trim().slice(0, 40),
      px: parseFloat(getComputedStyle(t).fontSize) * scale,
      contrast: contrast(parse(getComputedStyle(t).fill), behind),
    };
  });
}"""


@pytest.fixture
def rated_demo(db):
    call_command("load_demo_content", verbosity=0)
    generate(paragraphs=60, reports=4, seed=2)


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_is_at_least_12_px_on_a_phone(page, live_server, rated_demo, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + path)
    texts = page.evaluate(CHART_TEXT)
    assert texts, "no chart drawn"
    small = [t for t in texts if t["px"] < 12]
    assert not small, small[:5]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(
    ("forced", "scheme"), [("none", "light"), ("active", "light"), ("active", "dark")]
)
@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_has_4_5_to_1_contrast_in_every_display_mode(
    page, live_server, rated_demo, path, forced, scheme
):
    page.emulate_media(forced_colors=forced, color_scheme=scheme)
    page.goto(live_server.url + path)
    texts = page.evaluate(CHART_TEXT)
    assert texts, "no chart drawn"
    faint = [t for t in texts if t["contrast"] < 4.5]
    assert not faint, faint[:5]


def test_in_dark_forced_colors_the_full_compliance_bars_stay_visible(page, live_server, rated_demo):
    page.emulate_media(forced_colors="active", color_scheme="dark")
    page.goto(live_server.url + "/progress/")
    fill = page.evaluate("getComputedStyle(document.querySelector('#lvl-full rect')).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert fill != background
    widths = [
        box["width"]
        for box in page.locator("#progress-chart rect.lvl-full").evaluate_all(
            "bars => bars.map(bar => bar.getBoundingClientRect().toJSON())"
        )
    ]
    assert max(widths) > 0
