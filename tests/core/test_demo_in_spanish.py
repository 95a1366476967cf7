"""The demo content in Spanish: loaded with the English, and given to sites set up before."""

import pytest
from django.core.management import call_command

from areas.models import Area
from core.models import SiteSettings
from feedback.models import FeedbackPage
from media_center.models import Announcement

pytestmark = pytest.mark.django_db


def test_the_demo_content_is_in_spanish_too(client, demo_content):
    site = SiteSettings.load()
    assert site.what_heading_es == "Lo que estamos haciendo"
    assert site.involved_heading_es == "3 maneras de participar"
    assert all(area.title_es and area.summary_es for area in Area.objects.all())
    assert FeedbackPage.load().heading_es == "Envíenos su opinión"
    assert Announcement.objects.get().title_es.startswith("¡Aquí encontrará")
    for url in (
        "/es/",
        "/es/areas/",
        "/es/feedback/",
        "/es/media-center/workforce-allocation-study/",
    ):
        html = client.get(url).content.decode()
        assert "untranslated-note" not in html, url


def test_a_site_set_up_before_spanish_gets_it_without_losing_staff_edits():
    Area.objects.create(
        slug="training",
        title="Training",
        summary=(
            "Implementation of mandatory training hours for officers ensuring they are "
            "well-prepared and aligned with updated policies to better serve Chicago."
        ),
    )
    Area.objects.create(slug="supervision", title="Supervision", summary="Our own words.")
    Area.objects.create(
        slug="use-of-force", title="Use of Force", summary="x", title_es="Nuestro título"
    )
    call_command("load_demo_content", verbosity=0)
    training = Area.objects.get(slug="training")
    assert training.title_es == "Capacitación"
    assert training.summary_es.startswith("Horas de capacitación obligatorias")
    supervision = Area.objects.get(slug="supervision")
    assert supervision.title_es == "Supervisión"  # the title is still the demo's
    assert not supervision.summary_es  # staff wrote their own summary: no demo Spanish for it
    assert Area.objects.get(slug="use-of-force").title_es == "Nuestro título"
