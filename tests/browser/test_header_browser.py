"""The header on a phone: compact, with the sections and search behind a menu that needs no script."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MENU = "Menu and search"


def menu_button(page):
    """The menu's summary as assistive technology sees it: (role, name, expanded)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    for node in nodes:
        if node.get("role", {}).get("value") == "DisclosureTriangle":
            state = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            return node["role"]["value"], node["name"]["value"], state.get("expanded")
    return None


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("path", ["/", "/es/", "/policies/", "/es/comparisons/"])
def test_the_closed_phone_header_takes_less_than_100_px(
    page, live_server, demo_content, path, width
):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(live_server.url + path)
    assert page.locator("header.site-header").bounding_box()["height"] < 100
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_menu_opens_by_keyboard_without_javascript(browser, live_server, demo_content):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 740})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert menu_button(page) == ("DisclosureTriangle", MENU, False)
        # Skip link, site name, the page in Spanish, then the menu.
        for _ in range(4):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('site-menu-button')")
        page.keyboard.press("Enter")
        nav = page.get_by_role("navigation", name="Main")
        assert nav.is_visible()
        # Search is the next stop, then the sections.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "header-search-q"
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Areas of Improvement"
        page.keyboard.press("Enter")
        page.wait_for_url("**/areas/")
    finally:
        context.close()


def test_the_menu_is_a_named_button_that_says_whether_it_is_open(page, live_server, demo_content):
    """A <summary>: screen readers announce it as a button, collapsed or expanded."""
    page.set_viewport_size({"width": 390, "height": 740})
    page.goto(live_server.url + "/")
    assert menu_button(page) == ("DisclosureTriangle", MENU, False)  # no icon in its name
    page.locator(".site-menu-button").click()
    assert menu_button(page) == ("DisclosureTriangle", MENU, True)


def test_on_a_wide_screen_the_sections_and_search_show_without_a_menu(
    page, live_server, demo_content
):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/es/")
    assert page.get_by_role("navigation", name="Principal").is_visible()
    assert page.locator("#header-search-q").is_visible()
    assert not page.locator(".site-menu-button").is_visible()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_wide_logo_keeps_the_header_compact_and_the_name_whole(
    page, live_server, demo_content, width
):
    from django.core.files.base import ContentFile

    from core.images import prepare_upload
    from core.models import SiteSettings
    from tests.media_center.images import encoded, upload

    page.set_viewport_size({"width": width, "height": 740})
    page.goto(live_server.url + "/")
    header = page.locator("header.site-header")
    without_logo = header.bounding_box()["height"]
    site = SiteSettings.objects.get()
    logo = prepare_upload(upload("seal.png", encoded("PNG", 800, 200), "image/png"), max_side=400)
    site.logo.save(logo.name, ContentFile(logo.read()))
    page.goto(live_server.url + "/")
    image = page.locator("header .site-logo")
    assert round(image.bounding_box()["height"]) == (32 if width < 800 else 40)
    assert image.evaluate("img => img.complete && img.naturalWidth") == 400
    with_logo = header.bounding_box()["height"]
    assert with_logo < 100 or with_logo <= without_logo + 10
    if width < 800:
        assert with_logo < 100  # the phone header stays compact
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.get_by_role("link", name=site.site_name).is_visible()
