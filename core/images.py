"""Images staff upload, anywhere on the site: checked by content and stripped of metadata.

Every image that reaches the site (a post's cover, a picture dropped into the
Markdown editor, the site's logo) goes through ``prepare_upload``: it is opened
with Pillow, refused with a message that says why if it is not a JPEG, PNG or
WebP picture of a sensible size, and re-encoded from its pixels alone, so EXIF
(camera, GPS position), XMP, comments and colour profiles are never stored.
"""

import contextlib
import math
import re
import uuid
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {
    "JPEG": ((".jpg", ".jpeg"), "image/jpeg"),
    "PNG": ((".png",), "image/png"),
    "WEBP": ((".webp",), "image/webp"),
}
FORMAT_LABELS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
_SVG_START = re.compile(rb"^\s*(<\?xml|<svg|<!doctype svg)", re.IGNORECASE)


def max_bytes():
    return settings.IMAGE_UPLOAD_MAX_BYTES


def max_pixels():
    return settings.IMAGE_UPLOAD_MAX_PIXELS


def _looks_like_svg(head):
    return bool(_SVG_START.match(head)) or b"<svg" in head.lower()


def _too_many_pixels(name):
    megapixels = max_pixels() / 1_000_000
    return ValidationError(
        _(
            "“%(name)s” has too many pixels to open safely (the limit is %(limit)s megapixels). "
            "Resize it to about 4000 pixels on its longest side and upload it again."
        ),
        code="too_many_pixels",
        params={"name": name, "limit": f"{megapixels:g}"},
    )


def check_image(upload, max_side=None):
    """Open ``upload`` with Pillow and return the decoded image, or raise ValidationError.

    With ``max_side``, a JPEG is decoded at the smallest of 1/2, 1/4 or 1/8 of its
    size that is still at least ``max_side`` pixels (Pillow's draft mode): every
    byte is still read, so a damaged file is still found, in a fraction of the
    time a 40-megapixel photo takes at full size.

    Refuses, each with its own message: a file over IMAGE_UPLOAD_MAX_BYTES, an SVG
    drawing, anything whose content is not a picture (a renamed document), a
    picture in another format (GIF, TIFF…), a name whose extension does not match
    the content, a decompression bomb (more pixels than IMAGE_UPLOAD_MAX_PIXELS)
    and a damaged file.
    """
    name = PurePosixPath(upload.name or "").name or _("the file")
    if upload.size > max_bytes():
        raise ValidationError(
            _(
                "“%(name)s” is %(size)s; the largest image accepted is %(limit)s. "
                "Save it smaller (for example 2000 pixels wide) and upload it again."
            ),
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes()),
            },
        )
    upload.seek(0)
    try:
        image = Image.open(upload)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        upload.seek(0)
        if _looks_like_svg(upload.read(2048)):
            raise ValidationError(
                _(
                    "“%(name)s” is an SVG drawing. SVG files can carry scripts, so they are "
                    "not accepted: export the drawing as PNG and upload that."
                ),
                code="svg",
                params={"name": name},
            ) from None
        raise ValidationError(
            _(
                "“%(name)s” is not a picture: its content is not a JPEG, PNG or WebP image, "
                "whatever its name says. Upload a JPEG, PNG or WebP file."
            ),
            code="not_an_image",
            params={"name": name},
        ) from None
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _(
                "“%(name)s” is a %(format)s image; only JPEG, PNG and WebP are accepted. "
                "Convert it to one of those and upload it again."
            ),
            code="unsupported_format",
            params={"name": name, "format": image.format or _("unknown")},
        )
    extensions, _mime = ACCEPTED_FORMATS[image.format]
    extension = PurePosixPath(name).suffix.lower()
    if not extension:
        raise ValidationError(
            _("“%(name)s” has no extension: rename it to end in %(expected)s and upload it again."),
            code="no_extension",
            params={"name": name, "expected": extensions[0]},
        )
    if extension not in extensions:
        raise ValidationError(
            _(
                "“%(name)s” contains a %(format)s image but its name ends in “%(extension)s”. "
                "A renamed file is refused: rename it to end in %(expected)s, or export it "
                "again in the format its name says."
            ),
            code="renamed",
            params={
                "name": name,
                "format": FORMAT_LABELS[image.format],
                "extension": extension,
                "expected": extensions[0],
            },
        )
    width, height = image.size
    if width * height > max_pixels():
        raise _too_many_pixels(name)
    if max_side and image.format == "JPEG" and max(width, height) > max_side:
        # Draft mode keeps both sides at least as large as asked: ask for the
        # size the longest side is cut to, in the photo's own proportions.
        scale = max_side / max(width, height)
        image.draft(image.mode, (math.ceil(width * scale), math.ceil(height * scale)))
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            _(
                "“%(name)s” is damaged or incomplete: its picture data could not be read. "
                "Export or download it again and upload the new file."
            ),
            code="damaged",
            params={"name": name},
        ) from None
    return image


def clean_pixels(image, max_side):
    """A copy of ``image`` upright, in sRGB, at most ``max_side`` pixels, with no metadata."""
    # Made smaller first: turning and colour-converting 40 megapixels takes seconds.
    # The bound is the same on both sides, so turning afterwards gives the same size.
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    # A malformed EXIF block only costs the photo its orientation, not the upload.
    with contextlib.suppress(Exception):
        image = ImageOps.exif_transpose(image)
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA"):
        # Keep the colours right once the profile is dropped.
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
            image = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=image.mode,
            )
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if has_alpha else "RGB")
    clean = image.copy()
    clean.info = {}  # EXIF, XMP, comments, ICC profile, text chunks: none of it is kept
    return clean


def encode(image, image_format):
    """The bytes of ``image`` saved as ``image_format``, with no metadata."""
    out = BytesIO()
    if image_format == "JPEG":
        if image.mode != "RGB" and image.mode != "L":
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif image_format == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=88, method=4)
    return out.getvalue()


def prepare_upload(upload, max_side=3200):
    """Check ``upload`` and return a new file holding only its pixels, under a random name.

    The stored original keeps its format (JPEG, PNG or WebP) but loses every bit
    of metadata, and is at most ``max_side`` pixels on its longest side.
    """
    image = check_image(upload, max_side)
    image_format = image.format
    extensions, mime = ACCEPTED_FORMATS[image_format]
    data = encode(clean_pixels(image, max_side), image_format)
    return SimpleUploadedFile(f"{uuid.uuid4().hex}{extensions[0]}", data, content_type=mime)
