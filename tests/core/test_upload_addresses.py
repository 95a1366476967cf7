"""Who answers /uploads/ on a disk: `make run` itself; in production, the front server."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_make_run_serves_uploads_itself(client, settings):
    settings.DEBUG = True
    name = default_storage.save("media-center/2026/photo.jpg", ContentFile(b"\xff\xd8 photo"))
    response = client.get(f"/uploads/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8 photo"


def test_in_production_the_front_server_answers_uploads_on_a_disk(client):
    name = default_storage.save("media-center/2026/photo.jpg", ContentFile(b"\xff\xd8 photo"))
    assert client.get(f"/uploads/{name}").status_code == 404


def test_kept_files_are_never_served_even_by_make_run(client, settings):
    settings.DEBUG = True
    name = default_storage.save("kept-uploads/abc.jpg", ContentFile(b"kept"))
    assert client.get(f"/uploads/{name}").status_code == 404
