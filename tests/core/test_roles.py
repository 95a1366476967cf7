"""Staff roles: each group made by the migrations reaches exactly its admin pages, no more."""

from importlib import import_module

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from alerts.models import MANAGERS_GROUP
from feedback.models import REVIEWERS_GROUP
from tests.alerts.test_privacy_and_admin import alert_managers_group
from tests.conftest import sign_in_with_second_factor
from tests.feedback.test_admin import reviewers_group

pytestmark = pytest.mark.django_db

EDITOR_PAGES = {
    "areas.area",
    "areas.paragraph",
    "areas.monitoringreport",
    "media_center.post",
    "media_center.announcement",
    "policies.policy",
    "policies.document",
    "comparisons.consentdecree",
    "events.event",
}
REVIEWER_PAGES = {"feedback.feedback"}
ALERT_MANAGER_PAGES = {"alerts.subscription"}
# What was announced and how many it reached: counts, open to all staff.
EVERY_STAFF_PAGES = {"alerts.alert"}
ADMINISTRATOR_PAGES = {
    "auth.user",
    "auth.group",
    "core.sitesettings",
    "core.page",
    "feedback.feedbackpage",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
}
ROLES = {
    "Editors": EDITOR_PAGES | EVERY_STAFF_PAGES,
    REVIEWERS_GROUP: REVIEWER_PAGES | EVERY_STAFF_PAGES,
    "Administrators": ADMINISTRATOR_PAGES | EVERY_STAFF_PAGES,
    MANAGERS_GROUP: ALERT_MANAGER_PAGES | EVERY_STAFF_PAGES,
}
REGISTERED = {f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry}


def changelist(page):
    app_label, model_name = page.split(".")
    return reverse(f"admin:{app_label}_{model_name}_changelist")


def ensure_roles():
    """Run the roles migration's own code again if a flush by an earlier test removed them."""
    if Group.objects.filter(name__in=["Editors", "Administrators"]).count() == 2:
        return
    executor = MigrationExecutor(connection)
    state = executor.loader.project_state(("reform_site", "0003_staff_roles"))
    roles = import_module("reform_site.migrations.0003_staff_roles")
    roles.create_roles(state.apps, None)
    state = executor.loader.project_state(("reform_site", "0004_editors_keep_events_current"))
    events = import_module("reform_site.migrations.0004_editors_keep_events_current")
    events.grant(state.apps, None)


def signed_in_member(client, django_user_model, group_name):
    ensure_roles()
    user = django_user_model.objects.create_user(f"member-{len(group_name)}", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    if group_name == REVIEWERS_GROUP:
        reviewers_group()  # with its permissions
    if group_name == MANAGERS_GROUP:
        alert_managers_group()  # with its permissions
    return sign_in_with_second_factor(client, user)


def test_the_roles_cover_every_admin_page():
    assert set().union(*ROLES.values()) == REGISTERED


@pytest.mark.parametrize("group_name", sorted(ROLES))
def test_each_role_sees_exactly_its_admin_pages(client, django_user_model, group_name):
    signed_in_member(client, django_user_model, group_name)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    listed = {
        f"{app['app_label']}.{model['object_name'].lower()}"
        for app in index.context["app_list"]
        for model in app["models"]
    }
    assert listed == ROLES[group_name]
    for page in sorted(REGISTERED):
        expected = 200 if page in ROLES[group_name] else 403
        assert client.get(changelist(page)).status_code == expected, page


def test_editors_change_content_but_not_settings_or_accounts(client, django_user_model):
    signed_in_member(client, django_user_model, "Editors")
    assert client.get(reverse("admin:policies_policy_add")).status_code == 200
    assert client.get(reverse("admin:media_center_post_add")).status_code == 200
    assert client.get(reverse("admin:areas_paragraph_import")).status_code == 200
    assert client.get(reverse("admin:auth_user_add")).status_code == 403
    assert client.get(reverse("admin:core_sitesettings_changelist")).status_code == 403


def test_sign_in_protection_is_for_administrators_only_under_plain_labels(
    client, django_user_model
):
    signed_in_member(client, django_user_model, "Administrators")
    page = client.get(reverse("admin:index")).content.decode()
    assert "Sign-in protection" in page
    assert "Locked and failed sign-ins" in page
    assert "Failed sign-in log" in page
    for library_label in (">Axes<", "Access attempts", "Access failures", "Access logs"):
        assert library_label not in page
