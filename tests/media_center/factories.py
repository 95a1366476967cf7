"""Posts with cover photos, stored as the admin stores them."""

import factory

from media_center.images import prepare_upload
from tests.factories import PostFactory

from .images import jpeg_bytes, upload


class PostWithCoverFactory(PostFactory):
    """A published post whose cover is a phone photo with GPS in its EXIF.

    2000 × 1200 by default; pass ``cover_size=(640, 400)`` where many posts are
    needed and the size does not matter (renditions take time to make).
    """

    class Params:
        cover_size = (2000, 1200)

    cover_image = factory.LazyAttribute(
        lambda o: prepare_upload(upload("photo.jpg", jpeg_bytes(*o.cover_size)))
    )
    cover_alt = "Residents at a district council meeting"
