"""`load_demo_content` loads the seed's content once and never overwrites."""

import csv

import pytest
from django.core.management import call_command

from areas.models import Area
from comparisons.models import ConsentDecree
from core.models import SiteSettings
from media_center.models import Announcement

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list(flat=False).order_by("pk"))
        for model in (SiteSettings, Area, ConsentDecree, Announcement)
    }


def test_second_run_changes_nothing():
    call_command("load_demo_content", verbosity=0)
    first = snapshot()
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == first
    # The seed page's ten areas, and the two other parts of the decree the sources name.
    assert Area.objects.count() == 12
    with open("comparisons/data/consent-decrees.csv", encoding="utf-8") as handle:
        assert ConsentDecree.objects.count() == len(list(csv.DictReader(handle)))


def test_staff_edits_survive_a_rerun():
    call_command("load_demo_content", verbosity=0)
    Area.objects.filter(slug="training").update(summary="Edited by staff.")
    call_command("load_demo_content", verbosity=0)
    assert Area.objects.get(slug="training").summary == "Edited by staff."


def test_if_empty_leaves_a_set_up_site_alone():
    call_command("load_demo_content", verbosity=0)
    Area.objects.filter(slug="training").delete()
    call_command("load_demo_content", "--if-empty", verbosity=0)
    assert not Area.objects.filter(slug="training").exists()


def test_decrees_carry_the_verified_facts_and_sources():
    call_command("load_demo_content", verbosity=0)
    new_orleans = ConsentDecree.objects.get(city="New Orleans")
    assert new_orleans.paragraph_count == 492
    assert new_orleans.ended.year == 2025
    assert new_orleans.source_links
    assert ConsentDecree.objects.get(city="Seattle").ended.year == 2025
    assert ConsentDecree.objects.get(is_own_decree=True).city == "Chicago"
    assert not ConsentDecree.objects.get(city="Los Angeles").is_fully_verified


def test_areas_keep_the_seed_subtitles():
    call_command("load_demo_content", verbosity=0)
    recruitment = Area.objects.get(title="Recruitment")
    assert recruitment.subtitle == "Hiring & Promotion"
    assert list(Area.objects.values_list("title", flat=True))[:2] == [
        "Community Policing",
        "Impartial Policing",
    ]
