"""SiteSettings now lives in core (same table): forget it here without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("reform_site", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SiteSettings")],
        ),
    ]
