"""Images staff upload: checked by content, stripped of metadata, served as renditions.

Every image that reaches the site (a post's cover, a picture dropped into the
Markdown editor) goes through ``prepare_upload``: it is opened with Pillow,
refused with a message that says why if it is not a JPEG, PNG or WebP picture
of a sensible size, and re-encoded from its pixels alone, so EXIF (camera, GPS
position), XMP, comments and colour profiles are never stored. Residents are
then sent WebP renditions at a few widths, never the stored original.
"""

import contextlib
import math
import re
import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.translation import gettext as _
from markdownx.settings import MARKDOWNX_MEDIA_PATH
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Widths of the WebP renditions, in pixels. The largest fills the widest slot
# on the site (the post page's column) on a high-density screen.
RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_QUALITY = 80

# Pillow format name -> (file extensions that may carry it, MIME type).
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


@dataclass(frozen=True)
class Rendition:
    """One WebP copy of a stored image, at one width."""

    name: str
    width: int
    height: int

    @property
    def url(self):
        return default_storage.url(self.name)


def rendition_widths(width):
    """The rendition widths for an original ``width`` pixels wide: never wider than it."""
    widths = [w for w in RENDITION_WIDTHS if w < width]
    widths.append(min(width, RENDITION_WIDTHS[-1]))
    return sorted(set(widths))


def renditions(name, width, height):
    """The renditions of the stored image ``name`` (``width`` × ``height``), smallest first.

    Computed from the name and size alone, so a page lists them without touching
    the storage.
    """
    if not (name and width and height):
        return []
    path = PurePosixPath(name)
    return [
        Rendition(
            name=str(path.with_name(f"{path.stem}-{w}w.webp")),
            width=w,
            height=max(1, round(height * w / width)),
        )
        for w in rendition_widths(width)
    ]


def make_renditions(name, storage=None):
    """Write any missing WebP renditions of the stored image ``name``; return them all.

    Each is made once: an existing rendition is left alone. Made from the largest
    down, each from the one before, which is quicker and looks the same.
    """
    storage = storage or default_storage
    with storage.open(name, "rb") as original:
        image = Image.open(original)  # reads the header only
        wanted = renditions(name, *image.size)
        missing = [r for r in wanted if not storage.exists(r.name)]
        if missing:
            image.load()
    if missing:
        if image.mode not in ("RGB", "RGBA", "L"):
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        for rendition in sorted(missing, key=lambda r: r.width, reverse=True):
            image = image.resize(
                (rendition.width, rendition.height), Image.Resampling.LANCZOS, reducing_gap=3.0
            )
            image.info = {}
            out = BytesIO()
            image.save(out, "WEBP", quality=RENDITION_QUALITY, method=4)
            storage.save(rendition.name, ContentFile(out.getvalue()))
    return wanted


def delete_with_renditions(name, storage=None):
    """Remove a stored image and every rendition made from it."""
    storage = storage or default_storage
    path = PurePosixPath(name)
    storage.delete(name)
    try:
        _folders, files = storage.listdir(str(path.parent))
    except FileNotFoundError:
        return
    for file_name in files:
        if re.fullmatch(rf"{re.escape(path.stem)}-\d+w\.webp", file_name):
            storage.delete(str(path.parent / file_name))


def srcset(items):
    return ", ".join(f"{r.url} {r.width}w" for r in items)


# Editor images in a post's rendered body: <img src="/uploads/markdownx/<name>" ...>.
_IMG_TAG = re.compile(r"<img\s([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')

EDITOR_IMAGE_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"


def responsive_body_images(html):
    """Give editor-uploaded images in sanitized ``html`` a srcset, sizes, width and height.

    Only images stored by the editor upload (under MARKDOWNX_MEDIA_PATH) are
    touched; each is pointed at its renditions, which are made if missing.
    Attribute values come from the sanitizer's own output or from our storage
    names, so the result stays safe to mark safe.
    """
    prefix = default_storage.url(MARKDOWNX_MEDIA_PATH)

    def rewrite(match):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        src = attributes.get("src", "")
        if not src.startswith(prefix) or "/" in src[len(prefix) :]:
            return match.group(0)
        name = MARKDOWNX_MEDIA_PATH + src[len(prefix) :]
        if not re.fullmatch(r"[0-9a-f]{32}\.(jpg|png|webp)", name.rsplit("/", 1)[-1]):
            return match.group(0)
        try:
            items = make_renditions(name)
        except (OSError, ValueError, UnidentifiedImageError):
            return match.group(0)  # a missing file stays a plain image, as the author wrote it
        largest = items[-1]
        middle = items[min(1, len(items) - 1)]
        new = {
            "src": escape(middle.url),
            "srcset": escape(srcset(items)),
            "sizes": EDITOR_IMAGE_SIZES,
            "width": str(largest.width),
            "height": str(largest.height),
            "alt": attributes.get("alt", ""),
            "loading": "lazy",
            "decoding": "async",
        }
        if "title" in attributes:
            new["title"] = attributes["title"]
        return "<img " + " ".join(f'{key}="{value}"' for key, value in new.items()) + ">"

    return _IMG_TAG.sub(rewrite, html)
