"""The demo's meetings and hearings: Chicago's public hearings and meetings on the decree.

Loaded by ``manage.py load_demo_content`` from ``events/data/chicago-events.csv``
(title, start, end, place, online, summary, area slugs, source links), all of
them past. A start or end without a time is a date-only event: the sources give
no time for it.
"""

import csv
import datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.text import slugify

from areas.models import Area

from .models import Event, EventLink

DATA = Path(__file__).resolve().parent / "data" / "chicago-events.csv"


def _moment(value):
    """(aware datetime on the site's clock, whether a time was given) for a CSV cell."""
    parsed = datetime.datetime.fromisoformat(value)
    return timezone.make_aware(parsed, timezone.get_default_timezone()), "T" in value


def rows():
    with DATA.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def load():
    """Create the demo events that are missing; return how many were created."""
    areas = {area.slug: area for area in Area.objects.all()}
    created = 0
    for row in rows():
        starts_at, timed = _moment(row["starts"])
        ends_at = _moment(row["ends"])[0] if row["ends"] else None
        # Two status hearings share a title: the date tells them apart.
        slug = f"{slugify(row['title'])[:180]}-{starts_at:%Y-%m-%d}"
        if Event.objects.filter(slug=slug).exists():
            continue
        event = Event(
            title=row["title"],
            slug=slug,
            summary=row["summary"],
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=not timed,
            place_name=row["place"],
            online=row["online"] == "yes",
            is_published=True,
        )
        event.full_clean()
        event.save()
        event.areas.set(areas[key] for key in row["areas"].split() if key in areas)
        EventLink.objects.bulk_create(
            EventLink(
                event=event,
                kind=EventLink.Kind.SOURCE,
                label=urlsplit(url).netloc.removeprefix("www."),
                url=url,
                order=order,
            )
            for order, url in enumerate(row["sources"].split())
        )
        created += 1
    return created
