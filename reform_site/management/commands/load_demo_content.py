"""Load the demo content: the seed home page's words and the researched decrees."""

import csv
import datetime
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from areas import demo as areas_demo
from areas.models import Area
from comparisons.models import ConsentDecree
from feedback import demo_content as feedback_demo
from feedback.models import FeedbackPage
from media_center.models import Announcement
from reform_site import demo_content
from reform_site.models import SiteSettings

DECREES_CSV = Path(__file__).resolve().parents[3] / "comparisons" / "data" / "consent-decrees.csv"


class Command(BaseCommand):
    help = (
        "Load the demo content. Creates what is missing and leaves what exists alone, "
        "so a second run changes nothing and staff edits are never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site has already been set up.",
        )

    @transaction.atomic
    def handle(self, *args, if_empty=False, **options):
        if if_empty and SiteSettings.objects.exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        created = 0
        if not SiteSettings.objects.exists():
            SiteSettings(**demo_content.SITE).save()
            created += 1
        _, made = Announcement.objects.get_or_create(
            slug=demo_content.ANNOUNCEMENT["slug"], defaults=demo_content.ANNOUNCEMENT
        )
        created += made
        for order, (title, subtitle, summary) in enumerate(demo_content.AREAS, start=1):
            _, made = Area.objects.get_or_create(
                slug=slugify(f"{title} {subtitle}"),
                defaults={"title": title, "subtitle": subtitle, "summary": summary, "order": order},
            )
            created += made
        created += self.load_decrees()
        _, made = FeedbackPage.objects.get_or_create(pk=1, defaults=feedback_demo.FEEDBACK_PAGE)
        created += made
        created += areas_demo.load_reports()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} records created."))

    def load_decrees(self):
        created = 0
        with DECREES_CSV.open(newline="", encoding="utf-8") as handle:
            for order, row in enumerate(csv.DictReader(handle)):
                city = row["city"]
                home_order = (
                    demo_content.HOME_DECREES.index(city) + 1
                    if city in demo_content.HOME_DECREES
                    else 0
                )
                _, made = ConsentDecree.objects.get_or_create(
                    slug=slugify(city),
                    defaults={
                        "city": city,
                        "department": row["department"],
                        "agreement_type": row["agreement_type"],
                        "entered": datetime.date.fromisoformat(row["entered"]),
                        "ended": datetime.date.fromisoformat(row["ended"])
                        if row["ended"]
                        else None,
                        "status": row["status"],
                        "paragraph_count": int(row["paragraphs"]) if row["paragraphs"] else None,
                        "monitor": row["monitor"],
                        "judge": row["judge"],
                        "notes": row["notes"],
                        "sources": "\n".join(row["sources"].split()),
                        "confidence": row["confidence"],
                        # The facts the research could not confirm, named in the data.
                        **{f"{fact}_unverified": True for fact in row["unverified"].split()},
                        "milestone": demo_content.MILESTONES.get(city, ""),
                        "is_own_decree": city == demo_content.OWN_DECREE,
                        "show_on_home": city in demo_content.HOME_DECREES,
                        "order": 0 if city == demo_content.OWN_DECREE else home_order or order + 10,
                    },
                )
                created += made
        return created
