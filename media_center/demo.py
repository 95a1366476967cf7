"""The demo announcement banner and the Media Center's history of the decree.

Loaded by ``manage.py load_demo_content``. The history posts come from
``media_center/data/chicago-history.csv``: one post per dated event, written in
our own words, at the event's date, each ending with its sources as links. No
quotes and no photos.
"""

import csv
import datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.text import slugify

from areas.models import Area
from core.demo import add_missing_translations

from .models import Announcement, Post

HISTORY_CSV = Path(__file__).resolve().parent / "data" / "chicago-history.csv"

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


def _with_sources(body, links):
    """The post's body followed by its sources, as a Markdown list of links."""
    items = "\n".join(
        f"- [{urlsplit(link).hostname.removeprefix('www.')}]({link})" for link in links.split()
    )
    return f"{body}\n\n**Sources**\n\n{items}"


def load_history(path=HISTORY_CSV):
    """Create the history posts that do not exist yet (by slug); return how many."""
    areas = {area.slug: area for area in Area.objects.all()}
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    existing = set(Post.objects.values_list("slug", flat=True))
    created = 0
    for row in rows:
        day = datetime.date.fromisoformat(row["date"])
        slug = f"{slugify(row['title'])[:180]}-{day:%Y}"
        if slug in existing:
            continue
        # Noon on the day, on the site's clock: the date reads the same in every time zone.
        noon = datetime.datetime.combine(day, datetime.time(12))
        post = Post(
            title=row["title"],
            slug=slug,
            category=row["category"],
            summary=row["summary"],
            body=_with_sources(row["body"], row["sources"]),
            status=Post.Status.PUBLISHED,
            published_at=timezone.make_aware(noon, timezone.get_default_timezone()),
        )
        post.full_clean()
        post.save()
        post.areas.set(areas[key] for key in row["areas"].split() if key in areas)
        created += 1
    return created


def load():
    """Create the demo banner unless it exists, and the history posts that are missing;
    return how many records were created.

    A banner loaded before the site had Spanish gets the Spanish it lacks.
    """
    announcement, created = Announcement.objects.get_or_create(
        slug=ANNOUNCEMENT["slug"], defaults=ANNOUNCEMENT
    )
    if not created:
        add_missing_translations(announcement, ANNOUNCEMENT)
    return int(created) + load_history()
