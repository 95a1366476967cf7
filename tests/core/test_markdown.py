"""Markdown from staff comes out inert: no scripts, handlers or javascript: links."""

import pytest

from reform_site.markdown import render_markdown
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
