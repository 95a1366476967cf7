"""Images staff upload: refused with a reason when bad, stored without metadata, served small."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from media_center.images import check_image, prepare_upload
from media_center.models import Post

from .factories import PostWithCoverFactory
from .images import (
    bomb_bytes,
    encoded,
    jpeg_bytes,
    open_stored,
    photo_exif,
    svg_bytes,
    upload,
)


def refusal(file):
    with pytest.raises(ValidationError) as caught:
        check_image(file)
    return " ".join(caught.value.messages).replace("\xa0", " ")


def assert_no_metadata(image, data):
    assert "exif" not in image.info
    assert "xmp" not in image.info
    assert "icc_profile" not in image.info
    assert "comment" not in image.info
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert len(image.getexif()) == 0
    assert b"Exif" not in data
    assert b"PhoneMaker" not in data
    assert b"taken at the meeting" not in data


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("logo.svg", svg_bytes(), "is an SVG drawing"),
        ("logo.png", svg_bytes(), "is an SVG drawing"),
        ("minutes.jpg", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "is not a picture"),
        ("page.jpg", b"<html><body>not a photo</body></html>", "is not a picture"),
        ("photo.jpg", encoded("PNG"), "contains a PNG image but its name ends in “.jpg”"),
        ("photo.png", jpeg_bytes(), "contains a JPEG image but its name ends in “.png”"),
        ("photo", encoded("WEBP"), "has no extension: rename it to end in .webp"),
        ("animation.gif", encoded("GIF"), "is a GIF image; only JPEG, PNG and WebP are accepted"),
        ("scan.tiff", encoded("TIFF"), "is a TIFF image; only JPEG, PNG and WebP are accepted"),
        ("bomb.png", bomb_bytes(), "has too many pixels to open safely"),
        ("cut-off.jpg", jpeg_bytes()[:20_000], "is damaged or incomplete"),
    ],
)
def test_each_kind_of_bad_image_is_refused_with_its_reason(name, data, reason):
    message = refusal(upload(name, data))
    assert reason in message
    assert name in message


def test_an_image_over_the_size_limit_is_refused_with_both_sizes(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 50_000
    message = refusal(upload("big.jpg", jpeg_bytes()))
    assert "the largest image accepted is 48.8 KB" in message
    assert "“big.jpg” is 6" in message  # its own size, about 68 KB


def test_an_image_with_more_pixels_than_allowed_is_refused(settings):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 1_000_000
    message = refusal(upload("wide.jpg", jpeg_bytes(2000, 1200)))
    assert "too many pixels" in message
    assert "the limit is 1 megapixels" in message


@pytest.mark.parametrize(
    ("name", "data", "image_format"),
    [
        ("photo.jpg", jpeg_bytes(), "JPEG"),
        ("photo.JPEG", jpeg_bytes(), "JPEG"),
        ("chart.png", encoded("PNG"), "PNG"),
        ("photo.webp", encoded("WEBP", exif=photo_exif()), "WEBP"),
        ("broken-exif.jpg", encoded("JPEG", exif=b"Exif\x00\x00PhoneMaker"), "JPEG"),
    ],
)
def test_good_images_are_kept_in_their_format_without_metadata(name, data, image_format):
    cleaned = prepare_upload(upload(name, data))
    assert re.fullmatch(r"[0-9a-f]{32}\.(jpg|png|webp)", cleaned.name)
    stored = cleaned.read()
    image = Image.open(BytesIO(stored))
    assert image.format == image_format
    assert_no_metadata(image, stored)


def test_the_photo_is_turned_upright_before_its_orientation_tag_is_dropped():
    # Orientation 6: the camera was held on its side; the picture is meant to be portrait.
    cleaned = prepare_upload(upload("sideways.jpg", jpeg_bytes(2000, 1200, orientation=6)))
    assert Image.open(BytesIO(cleaned.read())).size == (1200, 2000)


@pytest.mark.django_db
def test_cover_renditions_have_the_expected_widths_and_no_metadata():
    post = PostWithCoverFactory()
    original, data = open_stored(default_storage, post.cover_image.name)
    assert original.size == (2000, 1200)
    assert_no_metadata(original, data)
    widths = []
    for rendition in post.cover_renditions:
        image, data = open_stored(default_storage, rendition.name)
        assert image.format == "WEBP"
        assert image.size == (rendition.width, rendition.height)
        assert_no_metadata(image, data)
        widths.append(image.width)
    assert widths == [480, 960, 1600]
    assert [r.height for r in post.cover_renditions] == [288, 576, 960]


@pytest.mark.django_db
def test_a_small_photo_is_never_enlarged():
    post = PostWithCoverFactory(cover_image=prepare_upload(upload("s.jpg", jpeg_bytes(300, 200))))
    assert [(r.width, r.height) for r in post.cover_renditions] == [(300, 200)]
    image, _data = open_stored(default_storage, post.cover_renditions[0].name)
    assert image.size == (300, 200)


@pytest.mark.django_db
def test_a_huge_photo_is_stored_at_most_3200_pixels_wide():
    post = PostWithCoverFactory(cover_image=prepare_upload(upload("h.jpg", jpeg_bytes(4000, 3000))))
    assert (post.cover_width, post.cover_height) == (3200, 2400)


@pytest.mark.django_db
def test_renditions_are_made_once(monkeypatch):
    post = PostWithCoverFactory()
    saved = []
    monkeypatch.setattr(default_storage, "save", lambda name, content: saved.append(name))
    post.title = "Edited"
    post.save()
    Post.objects.get(pk=post.pk).save()
    assert saved == []


@pytest.mark.django_db
def test_replacing_or_deleting_the_cover_removes_the_old_files(django_capture_on_commit_callbacks):
    post = PostWithCoverFactory()
    old = [post.cover_image.name] + [r.name for r in post.cover_renditions]
    post = Post.objects.get(pk=post.pk)
    post.cover_image = prepare_upload(upload("new.png", encoded("PNG")))
    with django_capture_on_commit_callbacks(execute=True):
        post.save()
    assert not any(default_storage.exists(name) for name in old)
    new = [post.cover_image.name] + [r.name for r in post.cover_renditions]
    assert all(default_storage.exists(name) for name in new)
    with django_capture_on_commit_callbacks(execute=True):
        post.delete()
    assert not any(default_storage.exists(name) for name in new)


@pytest.mark.django_db
def test_missing_renditions_can_be_made_again_from_the_command_line():
    from io import StringIO

    from django.core.management import call_command

    post = PostWithCoverFactory()
    for rendition in post.cover_renditions:
        default_storage.delete(rendition.name)
    call_command("make_renditions", stdout=StringIO())
    assert all(default_storage.exists(r.name) for r in post.cover_renditions)
