"""Create the "Alert managers" group (the only one that sees addresses) and the sender's start.

The sender announces items whose time comes after its starting point: the
moment the alerts were installed, so nothing already public is sent as news.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

GROUP = "Alert managers"
PERMISSIONS = ["view_subscription", "delete_subscription"]


def create_group_and_start(apps, schema_editor):
    # Permissions are normally created after all migrations; make ours now.
    app_config = apps.get_app_config("alerts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="alerts", codename__in=PERMISSIONS)
    )
    apps.get_model("alerts", "SenderState").objects.get_or_create(
        pk=1, defaults={"scanned_until": timezone.now()}
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("alerts", "0001_subscriptions_alerts_and_deliveries"),
    ]

    operations = [migrations.RunPython(create_group_and_start, remove_group)]
