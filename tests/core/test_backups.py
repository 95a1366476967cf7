"""A backup made by `manage.py backup` brings the whole site back into an empty database and storage."""

import contextlib
import hashlib
import re
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from core.backups import stored_names
from tests.areas.factories import MonitoringReportFactory
from tests.html_text import visible_text
from tests.media_center.factories import PostWithCoverFactory
from tests.pdfs import pdf_bytes
from tests.policies.factories import DocumentFactory

pytestmark = [pytest.mark.slow]


def the_site():
    """Every public page (from the sitemap) as a resident reads it, and every stored file."""
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    addresses = sorted(set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap)))
    pages = {}
    for address in addresses:
        response = client.get(address)
        html = response.content.decode()
        uploads = sorted(set(re.findall(r'/uploads/[^"\s,?]+', html)))
        pages[address] = (response.status_code, visible_text(html), uploads)
    files = {
        name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
        for name in stored_names()
    }
    return pages, files


@contextlib.contextmanager
def an_empty_database(tmp_path):
    """Point the site's connection at a new, empty database; back again afterwards."""
    if connection.vendor == "postgresql":
        original = connection.settings_dict["NAME"]
        empty = f"{original}_restore_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{empty}"')
        connection.close()
        connection.settings_dict["NAME"] = empty
        try:
            yield empty
        finally:
            connection.close()
            connection.settings_dict["NAME"] = original
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE "{empty}" WITH (FORCE)')
    else:
        # The suite's SQLite database lives in memory: swap the connection beneath Django.
        connection.ensure_connection()
        original = connection.connection
        params = {**connection.get_connection_params(), "database": str(tmp_path / "empty.db")}
        connection.connection = connection.get_new_connection(params)
        try:
            yield params["database"]
        finally:
            connection.connection.close()
            connection.connection = original


@pytest.fixture
def populated_site(transactional_db, demo_content):
    """The demo content, with a cover photo, draft documents and a monitor's report PDF."""
    PostWithCoverFactory(cover_size=(1000, 600))
    DocumentFactory(title="Use of force draft")
    DocumentFactory(title="Use of force draft, second version")
    MonitoringReportFactory(
        is_published=True, document=SimpleUploadedFile("imr.pdf", pdf_bytes(pages=2))
    )


def test_a_restore_into_an_empty_database_and_storage_brings_back_every_page_and_file(
    populated_site, settings, tmp_path
):
    pages, files = the_site()
    assert len(pages) > 50
    assert len(files) >= 7  # the photo and its 3 renditions, 3 PDFs
    assert all(status == 200 for status, _text, _uploads in pages.values())

    call_command("backup", to=str(tmp_path / "backups"), stdout=StringIO())
    [backup] = (tmp_path / "backups").iterdir()
    assert {path.name for path in backup.iterdir()} == {
        "backup.json",
        "uploads.tar",
        "database.dump" if connection.vendor == "postgresql" else "database.sqlite3",
    }

    settings.MEDIA_ROOT = tmp_path / "empty-uploads"
    with an_empty_database(tmp_path):
        assert stored_names() == []
        call_command("restore", str(backup), interactive=False, stdout=StringIO())
        restored_pages, restored_files = the_site()
    assert restored_files == files
    assert restored_pages.keys() == pages.keys()
    for address, page in pages.items():
        assert restored_pages[address] == page, address


def test_a_damaged_backup_is_refused_before_anything_changes(transactional_db, tmp_path):
    DocumentFactory(title="Use of force draft")
    call_command("backup", to=str(tmp_path / "backups"), stdout=StringIO())
    [backup] = (tmp_path / "backups").iterdir()
    archive = Path(backup, "uploads.tar")
    data = bytearray(archive.read_bytes())
    data[600] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match=r"uploads\.tar is missing or damaged"):
        call_command("restore", str(backup), interactive=False)


def test_backup_keeps_the_newest_backups_only(transactional_db, tmp_path):
    for _ in range(3):
        call_command("backup", to=str(tmp_path / "backups"), keep=2, stdout=StringIO())
    assert len(list((tmp_path / "backups").iterdir())) == 2
