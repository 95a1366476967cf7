"""Every admin changelist, add and change page loads for a superuser."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from alerts.models import Alert
from areas.models import Area
from tests.alerts.factories import SubscriptionFactory
from tests.areas.factories import ComplianceAssessmentFactory
from tests.factories import PostFactory
from tests.feedback.factories import FeedbackFactory
from tests.policies.factories import DocumentFactory, PolicyFactory

pytestmark = pytest.mark.django_db

# django-axes registers its own read-only records; they are its concern, not ours.
MODELS = {
    model._meta.model_name: model
    for model in admin.site._registry
    if model._meta.app_label != "axes"
}


@pytest.fixture
def one_of_everything(demo_content, admin_user):
    """The demo content plus a record of each model it does not load."""
    Group.objects.get_or_create(name="Editors")
    StaticDevice.objects.create(user=admin_user, name="backup")
    post = PostFactory()
    Alert.objects.create(source="media_center.post", topic="news", object_id=post.pk, title="A")
    SubscriptionFactory()
    DocumentFactory(policy=PolicyFactory(title="Use of Force policy", is_published=False))
    FeedbackFactory()
    ComplianceAssessmentFactory(paragraph__area=Area.objects.first())  # and a paragraph


@pytest.mark.parametrize("model_name", sorted(MODELS))
def test_changelist_add_and_change_pages_load(admin_client, one_of_everything, model_name):
    model = MODELS[model_name]
    app_label = model._meta.app_label
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "a"}).status_code == 200
    obj = model.objects.first()
    change = reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200
    add = admin_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    # Singletons (site settings, the feedback page) and the site's fixed pages: once they
    # exist there is nothing to add. Alerts and subscriptions are made by the site and by
    # residents, never typed in.
    added_elsewhere = {"sitesettings", "feedbackpage", "page", "alert", "subscription"}
    assert add.status_code == (403 if model_name in added_elsewhere else 200)


def test_site_settings_cannot_be_deleted(admin_client, demo_content):
    url = reverse("admin:core_sitesettings_delete", args=[1])
    assert admin_client.get(url).status_code == 403


def test_import_page_of_a_report_that_cannot_exist_leads_back_to_the_list(admin_client):
    response = admin_client.get("/admin/areas/monitoringreport/abc/import-ratings/", follow=True)
    assert response.status_code == 200
    assert "doesn’t exist" in response.content.decode()


def test_an_accent_colour_too_light_for_white_words_is_refused_with_its_contrast(
    admin_client, demo_content
):
    url = reverse("admin:core_sitesettings_change", args=[1])
    form = admin_client.get(url).context["adminform"].form
    # What a browser sends: no empty file field (the logo).
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data["accent_color"] = "#9ecae1"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "need 4.5 to 1 to be read. Choose a darker colour." in response.content.decode()
    data["accent_color"] = "#5a1a6e"
    assert admin_client.post(url, data).status_code == 302


def test_the_chosen_accent_colour_reaches_every_page_through_a_stylesheet(client, demo_content):
    assert "theme.css" not in client.get("/").content.decode()  # the default needs none
    from core.models import SiteSettings

    site = SiteSettings.load()
    site.accent_color = "#5a1a6e"
    site.save()
    assert '<link rel="stylesheet" href="/theme.css">' in client.get("/").content.decode()
    css = client.get("/theme.css")
    assert css["Content-Type"].startswith("text/css")
    assert "--brand: #5a1a6e" in css.content.decode()
