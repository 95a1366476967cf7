"""Markdown from staff comes out inert: no scripts, handlers or javascript: links."""

import pytest

from core.markdown import render_markdown
from tests.factories import AreaFactory

HOSTILE = """
# Title

<script>alert("x")</script>

[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)

<a href="https://example.org" onclick="steal()">fine link</a>
<img src="https://example.org/x.png" onerror="steal()" alt="x">
<iframe src="https://example.org"></iframe>
<p style="color:red" onmouseover="steal()">text</p>
"""


def test_scripts_handlers_and_dangerous_links_are_removed():
    html = render_markdown(HOSTILE)
    lowered = html.lower()
    for needle in ("<script", "alert(", "javascript:", "data:text", "onclick", "onerror",
                   "onmouseover", "<iframe", "style="):  # fmt: skip
        assert needle not in lowered, needle
    assert 'href="https://example.org"' in html
    assert "fine link" in html


def test_page_keeps_one_h1_when_markdown_has_a_top_level_heading():
    assert "<h1" not in render_markdown("# Heading")
    assert "<h2>Heading</h2>" in render_markdown("# Heading")


def test_empty_markdown_renders_nothing():
    assert render_markdown("") == ""


@pytest.mark.django_db
def test_area_page_shows_sanitized_body(client):
    area = AreaFactory(body='Safe **bold** <script>alert("x")</script>')
    html = client.get(area.get_absolute_url()).content.decode()
    assert "<strong>bold</strong>" in html
    assert 'alert("x")' not in html


@pytest.mark.django_db
def test_editor_preview_uses_the_same_sanitizer(admin_client):
    response = admin_client.post(
        "/markdownx/markdownify/", {"content": "<script>x()</script>**b**"}
    )
    assert response.status_code == 200
    assert "<strong>b</strong>" in response.content.decode()
    assert "<script" not in response.content.decode()


@pytest.mark.django_db
def test_editor_preview_and_upload_are_for_staff_only(client):
    assert client.post("/markdownx/markdownify/", {"content": "x"}).status_code == 302
    assert client.post("/markdownx/upload/").status_code == 302


@pytest.mark.django_db
def test_editor_preview_of_nothing_is_empty_not_an_error(admin_client):
    response = admin_client.post("/markdownx/markdownify/", {})
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("tag", ["textarea", "title", "xmp", "iframe", "noscript", "plaintext"])
def test_an_unclosed_raw_text_tag_does_not_swallow_what_follows(tag):
    html = render_markdown(f"Use a <{tag}> on the form.\n\nThe **next** paragraph.")
    assert "<p>The <strong>next</strong> paragraph.</p>" in html
    assert f"&lt;{tag}&gt;" in html  # shown as the words the editor typed


@pytest.mark.parametrize(
    "fragment", ['<a title="unclosed>', "<!-- an unclosed comment", "<script>", "<svg><style>"]
)
def test_unclosed_quotes_comments_and_scripts_do_not_swallow_what_follows(fragment):
    html = render_markdown(f"Before {fragment} after.\n\nThe **next** paragraph.")
    assert "<p>The <strong>next</strong> paragraph.</p>" in html


def test_a_closed_script_is_dropped_with_its_content_and_the_rest_stays():
    html = render_markdown('<script>steal("x")</script>\n\nThe **next** paragraph.')
    assert "steal" not in html
    assert "<strong>next</strong>" in html


@pytest.mark.django_db
def test_a_markdown_field_stores_its_sanitized_html_on_every_save():
    area = AreaFactory(body="First **draft**")
    assert area.body_html == "<p>First <strong>draft</strong></p>"
    area.body = "Second <script>x()</script>*take*"
    area.save()
    area.refresh_from_db()
    assert area.body_html == "<p>Second <em>take</em></p>"
