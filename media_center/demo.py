"""The demo announcement banner, loaded by ``manage.py load_demo_content``."""

from core.demo import add_missing_translations

from .models import Announcement

ANNOUNCEMENT = {
    "title": "Updates on the Workforce Allocation Study Here!",
    "slug": "workforce-allocation-study",
    "body": (
        "Updates on the Workforce Allocation Study will be posted on this page "
        "as they are published."
    ),
    "title_es": "¡Aquí encontrará las novedades del Estudio de Asignación de Personal!",
    "body_es": (
        "Publicaremos en esta página las novedades del Estudio de Asignación de Personal a "
        "medida que salgan."
    ),
}


def load():
    """Create the demo banner unless it exists; return how many records were created.

    A banner loaded before the site had Spanish gets the Spanish it lacks.
    """
    announcement, created = Announcement.objects.get_or_create(
        slug=ANNOUNCEMENT["slug"], defaults=ANNOUNCEMENT
    )
    if not created:
        add_missing_translations(announcement, ANNOUNCEMENT)
    return int(created)
