"""Uploading images: in the admin's post form and through the Markdown editor."""

import datetime
import json
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from media_center.models import Post
from tests.factories import AreaFactory, PostFactory

from .conftest import admin_post_form
from .images import encoded, jpeg_bytes, open_stored, svg_bytes, upload
from .test_images import assert_no_metadata

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/media_center/post/add/"
EDITOR_URL = "/markdownx/upload/"
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def stored_files():
    found = []

    def walk(folder):
        try:
            folders, files = default_storage.listdir(folder)
        except FileNotFoundError:
            return
        found.extend(f"{folder}/{name}".lstrip("/") for name in files)
        for sub in folders:
            walk(f"{folder}/{sub}".lstrip("/"))

    walk("")
    return found


def test_staff_add_a_post_with_a_phone_photo_and_residents_get_it_without_gps(staff_client):
    area = AreaFactory(title="Community Policing")
    form = admin_post_form(
        cover_image=upload("meeting.jpg", jpeg_bytes()),
        cover_alt="Residents at the district council meeting",
        areas=[area.pk],
    )
    response = staff_client.post(ADD_URL, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    post = Post.objects.get(slug="district-council-meeting")
    image, data = open_stored(default_storage, post.cover_image.name)
    assert_no_metadata(image, data)
    assert [r.width for r in post.cover_renditions] == [480, 960, 1600]
    assert list(post.areas.all()) == [area]


def test_a_photo_without_a_description_is_refused_and_the_typed_text_is_kept(staff_client):
    form = admin_post_form(cover_image=upload("meeting.jpg", jpeg_bytes()), cover_alt="  ")
    response = staff_client.post(ADD_URL, form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Describe the image in a few words" in html
    assert "Residents met the district commander." in html
    assert not Post.objects.exists()


def test_a_chosen_photo_is_kept_when_the_form_comes_back_with_an_error(
    staff_client, django_capture_on_commit_callbacks
):
    form = admin_post_form(cover_image=upload("meeting.jpg", jpeg_bytes()), cover_alt="")
    refused = staff_client.post(ADD_URL, form).content.decode()
    assert "“meeting.jpg” is kept: you do not need to choose it again." in refused
    reference = re.search(r'name="cover_image-kept" value="([^"]+)"', refused).group(1)
    kept = [path for path in stored_files() if path.startswith("kept-uploads/")]
    assert len(kept) == 1

    # Sent again with the description and no file chosen: the kept photo is the cover.
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            ADD_URL,
            admin_post_form(
                cover_alt="Residents at the library", **{"cover_image-kept": reference}
            ),
        )
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.cover_image.name.startswith("media-center/")
    assert post.cover_width == 2000
    assert post.cover_renditions
    assert not [path for path in stored_files() if path.startswith("kept-uploads/")]


def test_a_kept_file_reference_cannot_be_forged(staff_client):
    response = staff_client.post(
        ADD_URL,
        admin_post_form(
            cover_alt="A photo", **{"cover_image-kept": "kept-uploads/other.jpg:forged"}
        ),
    )
    assert response.status_code == 302
    assert not Post.objects.get().cover_image


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("drawing.svg", svg_bytes(), "is an SVG drawing"),
        ("photo.jpg", encoded("PNG"), "A renamed file is refused"),
        ("photo.jpg", b"MZ\x90\x00 not a photo at all", "is not a picture"),
    ],
)
def test_the_admin_refuses_a_bad_cover_image_with_its_reason(staff_client, name, data, reason):
    form = admin_post_form(cover_image=upload(name, data), cover_alt="A picture")
    response = staff_client.post(ADD_URL, form)
    html = response.content.decode()
    assert response.status_code == 200
    assert reason in html
    assert 'value="District council meeting"' in html
    assert not Post.objects.exists()
    assert stored_files() == []


def test_the_cover_image_input_offers_only_the_accepted_formats(staff_client):
    html = staff_client.get(ADD_URL).content.decode()
    assert re.search(
        r'<input[^>]+name="cover_image"[^>]+accept="image/jpeg,image/png,image/webp"', html
    )


def test_the_feed_address_cannot_be_taken_by_a_post(staff_client):
    response = staff_client.post(ADD_URL, admin_post_form(title="Feed", slug="feed"))
    assert "is the address of the feeds" in response.content.decode()


def test_a_scheduled_post_saved_in_the_admin_waits_for_its_time(staff_client, time_travel):
    later = timezone.localtime() + datetime.timedelta(days=1)
    form = admin_post_form(
        published_at_0=later.strftime("%Y-%m-%d"), published_at_1=later.strftime("%H:%M:%S")
    )
    assert staff_client.post(ADD_URL, form).status_code == 302
    assert not Post.objects.published().exists()
    time_travel(days=2)
    assert Post.objects.published().get().slug == "district-council-meeting"


def test_the_editor_stores_an_uploaded_photo_without_metadata(staff_client):
    response = staff_client.post(EDITOR_URL, {"image": upload("m.jpg", jpeg_bytes())}, **AJAX)
    assert response.status_code == 200
    code = response.json()["image_code"]
    match = re.fullmatch(r"!\[\]\(/uploads/(markdownx/[0-9a-f]{32}\.jpg)\)", code)
    assert match, code
    image, data = open_stored(default_storage, match.group(1))
    assert_no_metadata(image, data)
    assert image.width == 1600  # editor images are kept at most 1600 pixels wide


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("drawing.svg", svg_bytes(), "is an SVG drawing"),
        ("photo.png", jpeg_bytes(), "A renamed file is refused"),
        ("anim.gif", encoded("GIF"), "is a GIF image"),
    ],
)
def test_the_editor_refuses_a_bad_image_with_its_reason(staff_client, name, data, reason):
    response = staff_client.post(EDITOR_URL, {"image": upload(name, data)}, **AJAX)
    assert response.status_code == 400
    body = response.json()
    assert reason in " ".join(body["image"])
    # The editor inserts image_code as it is: the reason shows there, as a comment
    # that the sanitizer drops should it ever be saved.
    assert body["image_code"].startswith("<!-- Image not added:")
    assert reason in body["image_code"]
    assert stored_files() == []


def test_the_editor_refuses_an_oversize_image(staff_client, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 10_000
    response = staff_client.post(EDITOR_URL, {"image": upload("m.jpg", jpeg_bytes())}, **AJAX)
    assert response.status_code == 400
    assert "the largest image accepted is" in json.dumps(response.json())


def test_only_staff_may_upload_through_the_editor(client, django_user_model):
    response = client.post(EDITOR_URL, {"image": upload("m.jpg", jpeg_bytes())}, **AJAX)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    resident = django_user_model.objects.create_user("resident", password="pw")
    client.force_login(resident)
    response = client.post(EDITOR_URL, {"image": upload("m.jpg", jpeg_bytes())}, **AJAX)
    assert response.status_code == 302
    assert stored_files() == []


def test_editor_images_in_a_post_are_served_through_renditions(staff_client):
    code = staff_client.post(EDITOR_URL, {"image": upload("m.jpg", jpeg_bytes())}, **AJAX).json()[
        "image_code"
    ]
    stem = re.search(r"markdownx/([0-9a-f]{32})\.jpg", code).group(1)
    body = code.replace("![]", "![Officers and residents]") + "\n\n![x](https://example.org/a.png)"
    post = PostFactory(body=body)
    html = post.body_html
    assert f'src="/uploads/markdownx/{stem}-960w.webp"' in html
    assert (
        f'srcset="/uploads/markdownx/{stem}-480w.webp 480w, '
        f"/uploads/markdownx/{stem}-960w.webp 960w, "
        f'/uploads/markdownx/{stem}-1600w.webp 1600w"'
    ) in html
    assert 'width="1600" height="960"' in html
    assert 'alt="Officers and residents"' in html
    assert '<img alt="x" src="https://example.org/a.png">' in html  # left as written
    for width in (480, 960, 1600):
        image, data = open_stored(default_storage, f"markdownx/{stem}-{width}w.webp")
        assert image.width == width
        assert_no_metadata(image, data)
