"""Staff keep the decrees current in the admin; mistakes get a message, not a 500."""

import pytest
from django.urls import reverse

from comparisons.models import ConsentDecree
from tests.factories import admin_form_in_english

from .factories import ConsentDecreeFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:comparisons_consentdecree_add")


def form(**changes):
    data = {
        "city": "Minneapolis",
        "slug": "minneapolis",
        "department": "Minneapolis Police Department",
        "agreement_type": "consent decree",
        "status": "active",
        "entered": "2023-07-13",
        "ended": "",
        "paragraph_count": "",
        "monitor": "",
        "judge": "",
        "confidence": "verified",
        "sources": "https://example.org/decree",
        "summary": "",
        "milestone": "",
        "notes": "",
        "order": "0",
    }
    data.update(changes)
    return admin_form_in_english(ConsentDecree, data)


def test_staff_add_a_decree_and_it_appears_in_the_comparison(staff_client):
    response = staff_client.post(ADD, form())
    assert response.status_code == 302
    assert "Minneapolis" in staff_client.get(reverse("comparisons:list")).content.decode()


def test_a_terminated_decree_without_an_end_is_refused_with_what_to_do(staff_client):
    response = staff_client.post(ADD, form(status="terminated", judge="Typed by staff"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A terminated decree needs the date it ended." in html
    assert 'value="Typed by staff"' in html
    assert not ConsentDecree.objects.exists()


def test_ticking_a_fact_unverified_needs_a_note_saying_why(staff_client):
    response = staff_client.post(ADD, form(judge_unverified="on"))
    assert "Say here which ones and why" in response.content.decode()
    response = staff_client.post(ADD, form(judge_unverified="on", confidence="judge unverified"))
    assert response.status_code == 302
    assert ConsentDecree.objects.get().unverified_facts == ["judge"]


def test_a_second_own_decree_is_refused(staff_client):
    ConsentDecreeFactory(city="Chicago", is_own_decree=True)
    response = staff_client.post(ADD, form(is_own_decree="on"))
    assert response.status_code == 200
    assert "already marked as this site’s decree" in response.content.decode()
