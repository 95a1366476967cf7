"""Uploads in an S3-compatible bucket (UPLOADS_S3_BUCKET), against moto's local S3 server.

Residents follow the site's own /uploads/ addresses to short-lived signed
addresses at the bucket; the bucket itself refuses anyone without the key.
"""

import datetime
import re
import urllib.error
import urllib.request
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone
from PIL import Image

from core import kept_uploads
from core.backups import archive_uploads, restore_uploads, stored_names
from core.object_storage import UploadsStorage
from media_center.images import prepare_upload
from media_center.models import Post
from tests.factories import PostFactory
from tests.media_center.conftest import admin_post_form
from tests.media_center.factories import PostWithCoverFactory
from tests.media_center.images import jpeg_bytes, upload
from tests.policies.factories import PDF_BYTES, DocumentFactory, PolicyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def keys(s3):
    return {item["Key"] for item in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}


def fetch(url):
    """(status, headers, body) of a GET, as a browser following a link gets them."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local test server)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def follow(address):
    """What a resident's browser ends up with for a site address under /uploads/."""
    response = Client().get(address)
    if response.status_code != 302:
        return response.status_code, response.headers, response.content
    assert response["Location"].startswith("http://127.0.0.1:")  # the bucket, signed
    assert "Signature" in response["Location"]
    return fetch(response["Location"])


def test_a_cover_photo_and_its_renditions_go_to_the_bucket_and_reach_residents(
    staff_client, s3_uploads
):
    form = admin_post_form(
        cover_image=upload("meeting.jpg", jpeg_bytes(2000, 1200)),
        cover_alt="Residents at the district council meeting",
    )
    assert staff_client.post("/admin/media_center/post/add/", form).status_code == 302
    post = Post.objects.get()
    stem = post.cover_image.name.removesuffix(".jpg")
    assert keys(s3_uploads) == {post.cover_image.name} | {
        f"{stem}-{width}w.webp" for width in (480, 960, 1600)
    }

    page = Client().get(post.get_absolute_url()).content.decode()
    linked = set(re.findall(r"/uploads/[\w/.-]+-\d+w\.webp", page))
    assert linked == {f"/uploads/{stem}-{width}w.webp" for width in (480, 960, 1600)}
    for address in linked:
        status, headers, body = follow(address)
        assert status == 200
        assert headers["Content-Type"] == "image/webp"
        assert "attachment" not in headers.get("Content-Disposition", "")
        width = int(re.search(r"-(\d+)w\.webp$", address).group(1))
        assert Image.open(BytesIO(body)).width == width


def test_an_editor_image_in_a_post_keeps_its_site_address_and_reaches_residents(
    staff_client, s3_uploads
):
    answer = staff_client.post(
        "/markdownx/upload/",
        {"image": upload("m.jpg", jpeg_bytes(1200, 800))},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    code = answer.json()["image_code"]
    # The Markdown holds the site's own address, which never expires.
    stem = re.fullmatch(r"!\[\]\(/uploads/markdownx/([0-9a-f]{32})\.jpg\)", code).group(1)
    post = PostFactory(body=code.replace("![]", "![Officers and residents]"))
    assert f'src="/uploads/markdownx/{stem}-960w.webp"' in post.body_html
    assert f"markdownx/{stem}-480w.webp" in keys(s3_uploads)
    status, headers, _body = follow(f"/uploads/markdownx/{stem}-960w.webp")
    assert (status, headers["Content-Type"]) == (200, "image/webp")


def test_replacing_and_deleting_a_cover_removes_its_files_from_the_bucket(
    s3_uploads, django_capture_on_commit_callbacks
):
    post = PostWithCoverFactory(cover_size=(1000, 600))
    first = keys(s3_uploads)
    assert len(first) == 4  # the photo and its renditions at 480, 960 and 1000 pixels

    with django_capture_on_commit_callbacks(execute=True):
        post.cover_image = prepare_upload(upload("new.jpg", jpeg_bytes(800, 500)))
        post.save()
    second = keys(s3_uploads)
    assert len(second) == 3  # 480, 800 and the photo
    assert not first & second
    assert Client().get(f"/uploads/{next(iter(first))}").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        post.delete()
    assert keys(s3_uploads) == set()


def test_a_published_document_downloads_from_the_bucket_as_a_pdf_attachment(s3_uploads):
    document = DocumentFactory()
    assert document.file.url.startswith("/uploads/documents/2023/")
    assert keys(s3_uploads) == {document.file.name}
    status, headers, body = follow(document.file.url)
    assert status == 200
    assert body == PDF_BYTES
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == "attachment"


def test_an_unpublished_document_cannot_be_read_by_its_address(s3_uploads, staff_client):
    hidden = DocumentFactory(policy=PolicyFactory(is_published=False))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    dated_ahead = DocumentFactory(published_on=tomorrow)
    for document in (hidden, dated_ahead):
        assert Client().get(document.file.url).status_code == 404
        # Nor at the bucket's own address, without the site's signature.
        status, _headers, body = fetch(
            f"{s3_uploads.endpoint}/{s3_uploads.bucket}/{document.file.name}"
        )
        assert status == 403
        assert PDF_BYTES not in body
        # Staff preparing it can open it.
        assert staff_client.get(document.file.url).status_code == 302


def test_files_kept_between_tries_of_a_form_are_never_served(s3_uploads):
    reference = kept_uploads.keep(upload("meeting.jpg", jpeg_bytes(200, 100)), "meeting.jpg")
    stored = kept_uploads.restore(reference).kept_as
    assert default_storage.exists(stored)
    assert Client().get(f"/uploads/{stored}").status_code == 404


def test_a_missing_file_is_404_not_an_error(s3_uploads):
    assert Client().get("/uploads/media-center/2026/nothing-here.jpg").status_code == 404


def test_a_backup_takes_the_uploads_from_the_bucket_and_restores_them_into_an_empty_one(
    s3_uploads, tmp_path
):
    post = PostWithCoverFactory(cover_size=(1000, 600))
    document = DocumentFactory()
    before = {name: default_storage.open(name).read() for name in keys(s3_uploads)}
    assert archive_uploads(tmp_path / "uploads.tar") == 5

    empty = f"{s3_uploads.bucket}-restored"
    s3_uploads.create_bucket(Bucket=empty)
    restored = UploadsStorage(
        bucket_name=empty,
        endpoint_url=s3_uploads.endpoint,
        region_name="us-east-1",
        access_key="test-key",
        secret_key="test-secret",
    )
    assert restore_uploads(tmp_path / "uploads.tar", restored) == 5
    after = {name: restored.open(name).read() for name in stored_names(restored)}
    assert after == before
    assert post.cover_image.name in after
    assert document.file.name in after
    for item in s3_uploads.list_objects_v2(Bucket=empty)["Contents"]:
        s3_uploads.delete_object(Bucket=empty, Key=item["Key"])
    s3_uploads.delete_bucket(Bucket=empty)
