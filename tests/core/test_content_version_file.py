"""Without Redis, the processes of one app server share the content version through a file.

Each gunicorn worker then keeps its own cache; a save through one worker must
still show at once through every other.
"""

import pytest
from django.urls import reverse

from core import content_version
from tests.core.other_process import bump_in_another_process
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_file(tmp_path, settings, page_cache):
    settings.CONTENT_VERSION_FILE = tmp_path / "var" / "content-version"
    return settings.CONTENT_VERSION_FILE


def test_a_change_recorded_by_another_process_empties_this_ones_pages(client, version_file):
    AreaFactory(title="Use of Force")
    url = reverse("areas:list")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    bump_in_another_process(CONTENT_VERSION_FILE=str(version_file))
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_save_here_is_written_where_the_other_processes_read_it(version_file):
    before = content_version.current()
    assert version_file.read_text() == before
    AreaFactory(title="Use of Force")
    assert version_file.read_text() != before
    assert content_version.current() == version_file.read_text()


def test_an_unwritable_version_file_builds_pages_every_time_and_says_why_once(
    client, settings, page_cache, tmp_path, caplog, monkeypatch
):
    monkeypatch.setattr(content_version, "_warned", False)
    settings.CONTENT_VERSION_FILE = tmp_path / "a-file" / "content-version"
    (tmp_path / "a-file").write_text("not a folder")
    url = reverse("areas:list")
    answers = [client.get(url) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert answers[-1]["X-Page-Cache"] == "off"
    warnings = [r for r in caplog.records if "CONTENT_VERSION_FILE" in r.getMessage()]
    assert len(warnings) == 1
