"""Load the demo content: each app loads its own, through its ``demo.load()``."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from core.content_version import content_changed
from core.models import SiteSettings
from core.registry import app_modules


class Command(BaseCommand):
    """Load each app's demo content, keeping what exists."""

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
        # Each app's demo names its English fields plainly (``title``) and its
        # other languages by code (``title_es``): English must be the active language.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            created = sum(module.load() for module in app_modules("demo"))
        content_changed()  # a loader may write in bulk, without model signals
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} records created."))
