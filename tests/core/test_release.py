"""A deploy never serves a page or a kept part that the earlier release built."""

from unittest import mock

import pytest
from django.urls import reverse

from areas import figures
from core import release

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(tmp_path, settings):
    """A project folder of its own, with a template and an uploads folder inside it."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<h1>Before</h1>")
    (tmp_path / "uploads").mkdir()
    settings.BASE_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "uploads"
    release.release.cache_clear()
    yield tmp_path
    release.release.cache_clear()


def release_now():
    release.release.cache_clear()
    return release.release()


def test_a_changed_template_is_a_new_release(project):
    before = release_now()
    (project / "templates" / "page.html").write_text("<h1>After</h1>")
    assert release_now() != before


def test_uploads_and_local_files_are_not_part_of_the_release(project):
    before = release_now()
    (project / "uploads" / "photo.svg").write_text("<svg/>")
    (project / "var").mkdir()
    (project / "var" / "notes.txt").write_text("a local database's notes")
    assert release_now() == before


def test_a_new_release_builds_pages_anew(client, page_cache, settings):
    settings.FRAGMENT_CACHE = True
    url = reverse("areas:list")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with (
        mock.patch("core.pagecache.release", return_value="next"),
        mock.patch("core.fragments.release", return_value="next"),
        mock.patch("areas.figures.areas_with_standing", wraps=figures.areas_with_standing) as build,
    ):
        assert client.get(url)["X-Page-Cache"] == "miss"
    assert build.called  # the area cards, a kept part, were built anew too
