"""Compile every locale/*/LC_MESSAGES/*.po into its .mo without GNU gettext (polib).

The .mo files are committed, so a fresh clone needs neither this command nor
gettext; translators run ``make messages`` after changing a .po file.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    """Write each catalogue's .mo from its .po, refusing untranslated or fuzzy entries."""

    help = "Compile the site's translation catalogues (.po to .mo) with polib."

    def handle(self, *args, **options):
        try:
            import polib
        except ImportError as missing:
            raise CommandError(
                "polib is needed: .venv/bin/pip install -r requirements-dev.txt"
            ) from missing
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                problems = [
                    entry.msgid
                    for entry in catalogue
                    if not entry.obsolete and (not entry.translated() or entry.fuzzy)
                ]
                if problems:
                    raise CommandError(
                        f"{po_path}: {len(problems)} entries are untranslated or fuzzy, "
                        f"starting with {problems[0]!r}. Translate them first."
                    )
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"{po_path.with_suffix('.mo')}: {len(catalogue)} messages")
