"""Staff write each text in English and Spanish side by side and see what lacks Spanish."""

import re

import pytest
from django.urls import reverse

from areas.models import Area
from core.models import SiteSettings
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:areas_area_changelist")


def test_staff_write_an_area_in_both_languages(admin_client):
    response = admin_client.post(
        reverse("admin:areas_area_add"),
        {
            "title_en": "Training",
            "title_es": "Capacitación",
            "slug": "training",
            "summary_en": "Hours of training.",
            "summary_es": "Horas de capacitación.",
            "body_en": "Officers train **every year**.",
            "body_es": "Los agentes se capacitan **cada año**.",
            "order": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    area = Area.objects.get()
    assert (area.title_en, area.title_es) == ("Training", "Capacitación")
    assert area.body_html_en == "<p>Officers train <strong>every year</strong>.</p>"
    assert area.body_html_es == "<p>Los agentes se capacitan <strong>cada año</strong>.</p>"


def test_english_is_required_and_spanish_is_not(admin_client):
    response = admin_client.post(
        reverse("admin:areas_area_add"), {"slug": "x", "title_es": "Solo español", "order": "1"}
    )
    form = response.context["adminform"].form
    assert "title_en" in form.errors
    assert "title_es" not in form.errors


def test_the_list_says_which_items_lack_spanish_and_filters_them(admin_client):
    AreaFactory(title="Training", title_es="Capacitación", summary_es="Horas de capacitación.")
    AreaFactory(title="Supervision", title_es="Supervisión")
    AreaFactory(title="Recruitment")
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Missing in Spanish: title, summary" in html
    assert "Missing in Spanish: summary" in html
    assert re.search(r'<td class="field-translation_status">Complete</td>', html)

    missing = admin_client.get(CHANGELIST, {"translation": "missing-es"}).content.decode()
    assert "Recruitment" in missing
    assert "Supervision" in missing
    assert ">Training<" not in missing
    complete = admin_client.get(CHANGELIST, {"translation": "complete-es"}).content.decode()
    assert ">Training<" in complete
    assert "Recruitment" not in complete


def test_the_admin_search_finds_an_item_by_its_spanish_words(admin_client):
    AreaFactory(title="Training", title_es="Capacitación")
    html = admin_client.get(CHANGELIST, {"q": "Capacitación"}).content.decode()
    assert ">Training<" in html


def test_the_home_page_words_show_what_lacks_spanish(admin_client, demo_content):
    SiteSettings.objects.filter(pk=1).update(tagline_es="")
    url = reverse("admin:core_sitesettings_change", args=[1])
    html = admin_client.get(url).content.decode()
    assert "Missing in Spanish: tagline" in html
    assert 'name="what_heading_es"' in html
    assert 'value="Lo que estamos haciendo"' in html
