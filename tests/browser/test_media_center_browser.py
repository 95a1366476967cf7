"""The Media Center in real Chromium: accessible, usable without JavaScript, light on phones."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PostFactory
from tests.media_center.factories import PostWithCoverFactory

from .admin_sign_in import add_authenticator, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def posts(demo_content):
    # Press releases: the demo's history has none, so the filter shows exactly these.
    PostFactory.create_batch(11, category="press-release")
    PostWithCoverFactory(title="Featured town hall", featured=True, category="event")
    return PostWithCoverFactory(title="Training academy", category="update")


def test_media_center_list_passes_axe_wcag_22_aa(page, live_server, posts, axe_check):
    page.goto(live_server.url + "/media-center/")
    axe_check()


def test_post_page_passes_axe_wcag_22_aa(page, live_server, posts, axe_check):
    page.goto(live_server.url + posts.get_absolute_url())
    axe_check()


def test_empty_media_center_passes_axe(page, live_server, axe_check):
    page.goto(live_server.url + "/media-center/")
    assert page.get_by_text("No recent posts have been published at this time.").is_visible()
    axe_check()


def test_filter_and_pages_work_without_javascript(browser, live_server, posts):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/media-center/")
    page.get_by_role("navigation", name="Post categories").get_by_role(
        "link", name="Press release"
    ).click()
    assert page.url.endswith("?category=press-release")
    assert page.locator(".post-list > li").count() == 10
    page.get_by_role("navigation", name="Pages of posts").get_by_role(
        "link", name="Next page"
    ).click()
    assert page.url.endswith("?category=press-release&page=2")
    assert page.locator(".post-list > li").count() == 1
    current = page.get_by_role("link", name="Page 2", exact=True)
    assert current.get_attribute("aria-current") == "page"
    context.close()


def test_a_phone_downloads_a_rendition_sized_for_it_never_the_original(browser, live_server, posts):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + posts.get_absolute_url())
    page.wait_for_load_state("load")
    images = [url for url in requested if "/uploads/" in url]
    # A 360-pixel screen at twice the density fills 656 device pixels: the 960 rendition.
    assert images == [live_server.url + posts.cover_renditions[1].url]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_media_center_makes_no_request_to_another_host(page, live_server, posts):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/media-center/")
    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_area_and_home_pages_with_posts_pass_axe(page, live_server, posts, axe_check):
    from areas.models import Area

    area = Area.objects.first()
    posts.areas.add(area)
    page.goto(live_server.url + area.get_absolute_url())
    assert page.get_by_role("heading", name="News and updates").is_visible()
    axe_check()
    page.goto(live_server.url + "/")
    axe_check()


DROP_FILE = """([name, type, bytes]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, {type}));
    const editor = document.querySelector("textarea[name=body_en]");
    editor.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
}"""


def test_an_image_dropped_into_the_editor_is_checked_and_a_refusal_says_why(
    page, live_server, django_user_model
):
    from tests.media_center.images import jpeg_bytes, svg_bytes

    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    sign_in(page, live_server, "editor", "pw", device=add_authenticator(user))
    page.goto(live_server.url + "/admin/media_center/post/add/")
    editor = page.locator("textarea[name=body_en]")

    page.evaluate(DROP_FILE, ["logo.svg", "image/svg+xml", list(svg_bytes())])
    expect(editor).to_have_value(
        re.compile(r"^<!-- Image not added: “logo\.svg” is an SVG drawing\.")
    )

    editor.fill("")
    page.evaluate(DROP_FILE, ["photo.jpg", "image/jpeg", list(jpeg_bytes(800, 600))])
    expect(editor).to_have_value(re.compile(r"^!\[\]\(/uploads/markdownx/[0-9a-f]{32}\.jpg\)$"))
