"""Editors keep meetings and hearings current too: events came after the roles (0003).

Alert managers (alerts/migrations/0002) see subscribers' addresses; every
staff member sees the counts of sent alerts, which need no permission.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
EVENT_MODELS = ("event", "eventlink")


def event_permissions(apps):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in EVENT_MODELS for action in ALL]
    found = list(
        Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
    )
    if len(found) != len(codenames):
        raise RuntimeError(f"Missing permissions for events: {codenames}")
    return found


def grant(apps, schema_editor):
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editors")
    editors.permissions.add(*event_permissions(apps))


def revoke(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(*event_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("reform_site", "0003_staff_roles"),
        ("events", "0002_keep_change_history"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
