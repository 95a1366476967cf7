"""Images of the Media Center, served as renditions: WebP copies at a few widths.

Every image is first checked and cleaned by ``core.images.prepare_upload``
(imported here for the post form and the editor's uploads). Residents are then
sent WebP renditions at a few widths, never the stored original.
"""

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import escape
from markdownx.settings import MARKDOWNX_MEDIA_PATH
from PIL import Image, UnidentifiedImageError

from core.images import ACCEPTED_FORMATS, check_image, prepare_upload

__all__ = ["ACCEPTED_FORMATS", "check_image", "prepare_upload"]

# Widths of the WebP renditions, in pixels. The largest fills the widest slot
# on the site (the post page's column) on a high-density screen.
RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_QUALITY = 80


# Pillow format name -> (file extensions that may carry it, MIME type).
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
