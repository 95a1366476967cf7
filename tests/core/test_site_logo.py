"""Staff may give the site a logo: checked by its content, stored without metadata, shown in the header."""

from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from core.demo import SITE
from core.models import DEFAULT_ACCENT, SiteSettings
from tests.factories import admin_form_in_english
from tests.media_center.images import encoded, jpeg_bytes, svg_bytes, upload

pytestmark = pytest.mark.django_db

CHANGE = reverse("admin:core_sitesettings_change", args=[1])


def send_logo(staff_client, logo):
    SiteSettings(**SITE).save()
    data = admin_form_in_english(SiteSettings, {**SITE, "accent_color": DEFAULT_ACCENT})
    return staff_client.post(CHANGE, {**data, "logo": logo})


def test_a_logo_shows_before_the_site_name_on_every_page(staff_client):
    answer = send_logo(staff_client, upload("seal.png", encoded("PNG", 800, 400), "image/png"))
    assert answer.status_code == 302, answer.content.decode()
    site = SiteSettings.objects.get()
    assert (site.logo_width, site.logo_height) == (400, 200)  # at most 400 px on its longest side
    assert site.logo.name.startswith("site/")
    assert "seal" not in site.logo.name
    for url in ("/", reverse("areas:list"), "/es/"):
        page = Client().get(url).content.decode()
        tag = f'<img class="site-logo" src="{site.logo.url}" alt="" width="400" height="200">'
        assert tag in page, url  # beside the name, which screen readers read instead


def test_a_photo_logo_loses_its_camera_and_position(staff_client):
    send_logo(staff_client, upload("seal.jpg", jpeg_bytes(600, 600, gps=True)))
    with SiteSettings.objects.get().logo.open("rb") as stored:
        image = Image.open(BytesIO(stored.read()))
    assert not image.getexif()
    assert "exif" not in image.info


def test_a_drawing_with_a_script_is_refused_and_nothing_changes(staff_client):
    answer = send_logo(staff_client, upload("seal.svg", svg_bytes(), "image/svg+xml"))
    assert answer.status_code == 200
    assert "is an SVG drawing" in answer.content.decode()
    assert not SiteSettings.objects.get().logo
    assert "site-logo" not in Client().get("/").content.decode()


def test_without_a_logo_the_header_has_the_name_alone(db):
    SiteSettings(**SITE).save()
    page = Client().get("/").content.decode()
    assert "site-logo" not in page
    assert SITE["site_name"] in page
