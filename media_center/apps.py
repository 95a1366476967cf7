"""Posts (press releases, news, updates, events), images and the announcement banner."""

from django.apps import AppConfig


class MediaCenterConfig(AppConfig):
    """The Media Center app."""

    name = "media_center"
    verbose_name = "Media Center"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Pillow refuses to open images past twice this many pixels (a decompression
        # bomb: a small file that unpacks into gigabytes); images.check_image refuses
        # anything past it, with a message for staff.
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_UPLOAD_MAX_PIXELS
