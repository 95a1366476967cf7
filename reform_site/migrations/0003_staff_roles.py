"""Staff roles as groups, each with the least it needs: Editors and Administrators.

Feedback reviewers (feedback/migrations/0002) keep what they have. Editors keep
the content current and see no feedback, no staff accounts and no settings.
Administrators manage staff accounts, the site's settings, sign-in lockouts
and two-factor devices (to reset a lost phone), and see no feedback unless
they are also reviewers. Running this again sets each group's permissions back
to this list.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

ROLES = {
    "Editors": {
        "areas": {
            "area": ALL,
            "paragraph": ALL,
            "monitoringreport": ALL,
            "complianceassessment": ALL,
        },
        "media_center": {"post": ALL, "announcement": ALL},
        "policies": {"policy": ALL, "policyextension": ALL, "document": ALL},
        "comparisons": {"consentdecree": ALL},
    },
    "Administrators": {
        "auth": {"user": ALL, "group": ALL},
        "core": {"sitesettings": ("change", "view")},
        "feedback": {"feedbackpage": ("change", "view")},
        "axes": {
            "accessattempt": ("delete", "view"),
            "accessfailurelog": ("delete", "view"),
            "accesslog": ("delete", "view"),
        },
        "otp_totp": {"totpdevice": ("delete", "view")},
        "otp_static": {"staticdevice": ("delete", "view")},
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make the ones needed now.
    for app_label in {label for apps_ in ROLES.values() for label in apps_}:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        wanted = []
        for app_label, models in grants.items():
            for model, actions in models.items():
                codenames = [f"{action}_{model}" for action in actions]
                found = list(
                    Permission.objects.filter(
                        content_type__app_label=app_label,
                        content_type__model=model,
                        codename__in=codenames,
                    )
                )
                if len(found) != len(codenames):
                    raise RuntimeError(f"Missing permissions for {app_label}.{model}: {codenames}")
                wanted += found
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(wanted)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reform_site", "0002_site_settings_moved_to_core"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("areas", "0005_keep_change_history"),
        ("media_center", "0004_keep_change_history"),
        ("policies", "0005_keep_change_history"),
        ("comparisons", "0004_keep_change_history"),
        ("core", "0002_keep_change_history"),
        ("feedback", "0004_keep_change_history"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
