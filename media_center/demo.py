"""The demo announcement banner, loaded by ``manage.py load_demo_content``."""

from .models import Announcement

ANNOUNCEMENT = {
    "title": "Updates on the Workforce Allocation Study Here!",
    "slug": "workforce-allocation-study",
    "body": (
        "Updates on the Workforce Allocation Study will be posted on this page "
        "as they are published."
    ),
}


def load():
    """Create the demo banner unless it exists; return how many records were created."""
    _, created = Announcement.objects.get_or_create(
        slug=ANNOUNCEMENT["slug"], defaults=ANNOUNCEMENT
    )
    return int(created)
