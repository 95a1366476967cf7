"""Make any missing WebP renditions of cover images (after restoring uploads, say)."""

from django.core.management.base import BaseCommand

from media_center.images import make_renditions
from media_center.models import Post


class Command(BaseCommand):
    """Make any missing WebP renditions of stored images."""

    help = "Make the WebP renditions that are missing for posts' cover images."

    def handle(self, *args, **options):
        names = Post.objects.exclude(cover_image="").values_list("cover_image", flat=True)
        missing = []
        for name in names.iterator():
            try:
                make_renditions(name)
            except FileNotFoundError:
                missing.append(name)
        for name in missing:
            self.stderr.write(f"Missing original, no renditions made: {name}")
        self.stdout.write(f"Renditions checked for {len(names)} cover images.")
