"""A decree's figures and sentences, computed from its dates, and the rules staff meet."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from comparisons.models import ConsentDecree

from .factories import ConsentDecreeFactory

pytestmark = pytest.mark.django_db


def test_active_decree_counts_its_years_up_to_today(today):
    decree = ConsentDecreeFactory(entered=datetime.date(2019, 3, 1))
    today(datetime.date(2025, 3, 1))
    assert decree.years_in_effect() == 6.0
    assert decree.duration_sentence() == (
        f"The {decree.department} has been under its decree for 6 years."
    )


def test_active_decree_keeps_counting_as_the_days_pass(today):
    decree = ConsentDecreeFactory(entered=datetime.date(2019, 3, 1))
    today(datetime.date(2025, 3, 1))
    before = decree.years_in_effect()
    today(datetime.date(2027, 3, 1))
    assert decree.years_in_effect() == before + 2
    assert "for 8 years" in decree.duration_sentence()


def test_ended_decree_stops_counting_at_its_end(today):
    los_angeles = ConsentDecreeFactory(
        city="Los Angeles", entered=datetime.date(2001, 6, 15), ended=datetime.date(2013, 5, 15)
    )
    today(datetime.date(2020, 1, 1))
    first = los_angeles.years_in_effect()
    today(datetime.date(2030, 1, 1))
    assert los_angeles.years_in_effect() == first == 11.9
    assert los_angeles.duration_sentence() == (
        "It took the Los Angeles Police Department 12 years to complete all their requirements."
    )


def test_an_explicit_day_wins_over_the_clock(today):
    decree = ConsentDecreeFactory(entered=datetime.date(2020, 1, 1))
    today(datetime.date(2030, 1, 1))
    assert decree.years_in_effect(datetime.date(2021, 1, 1)) == 1.0
    assert "for 1 year." in decree.duration_sentence(datetime.date(2021, 1, 1))


def test_whole_years_round_half_up_not_to_even():
    # 12.5 years: banker's rounding would say 12.
    decree = ConsentDecreeFactory(
        entered=datetime.date(2000, 1, 1), ended=datetime.date(2012, 7, 2)
    )
    assert decree.whole_years_in_effect() == 13


def test_span_reads_like_the_home_page():
    assert ConsentDecreeFactory(entered=datetime.date(2019, 3, 1)).span == "2019–present"
    ended = ConsentDecreeFactory(
        entered=datetime.date(2001, 6, 15), ended=datetime.date(2013, 5, 15)
    )
    assert ended.span == "2001–2013"


def test_paragraph_sentence_is_empty_when_the_count_is_unknown():
    assert ConsentDecreeFactory(paragraph_count=None).paragraphs_sentence() == ""
    assert ConsentDecreeFactory(city="Seattle", paragraph_count=210).paragraphs_sentence() == (
        "The Seattle consent decree consists of 210 paragraphs."
    )


def test_sources_are_stored_one_per_line_however_they_were_typed():
    decree = ConsentDecreeFactory(
        sources="https://a.example.org/x \r\n\r\n https://www.b.example.org/y"
    )
    decree.refresh_from_db()
    assert decree.sources == "https://a.example.org/x\nhttps://www.b.example.org/y"
    assert decree.sources_by_host == [
        ("a.example.org", "https://a.example.org/x"),
        ("b.example.org", "https://www.b.example.org/y"),
    ]


def test_notes_are_rendered_and_sanitized_on_save():
    decree = ConsentDecreeFactory(notes="**Dismissed** in 2013.<script>alert(1)</script>")
    assert "<strong>Dismissed</strong>" in decree.notes_html
    assert "<script" not in decree.notes_html


def test_a_fact_flagged_unverified_makes_the_decree_not_fully_verified():
    assert ConsentDecreeFactory().is_fully_verified
    flagged = ConsentDecreeFactory(judge_unverified=True, confidence="judge unverified")
    assert not flagged.is_fully_verified
    assert flagged.unverified_facts == ["judge"]
    assert not ConsentDecreeFactory(confidence="secondary source").is_fully_verified


def errors_of(decree):
    with pytest.raises(ValidationError) as caught:
        decree.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (
            {"entered": datetime.date(2020, 1, 1), "ended": datetime.date(2019, 1, 1)},
            "ended",
            "before the date the decree took effect",
        ),
        ({"status": "terminated", "ended": None}, "ended", "needs the date it ended"),
        ({"status": "active", "ended": datetime.date(2020, 1, 1)}, "status", "Terminated"),
        ({"status": "terminated", "ended": datetime.date(2031, 1, 1)}, "ended", "future"),
        ({"entered": datetime.date(2031, 1, 1)}, "entered", "future"),
        (
            {"monitor_unverified": True, "confidence": "verified"},
            "confidence",
            "which ones and why",
        ),
    ],
)
def test_staff_get_a_clear_message_when_the_facts_disagree(today, changes, field, words):
    today(datetime.date(2030, 1, 1))
    decree = ConsentDecreeFactory.build(**changes)
    message = " ".join(errors_of(decree)[field])
    assert words in message


def test_a_web_address_that_is_not_http_is_refused():
    decree = ConsentDecreeFactory.build(sources="https://ok.example.org/\njavascript:alert(1)")
    assert "is not a web address" in errors_of(decree)["sources"][0]


def test_only_one_decree_can_be_the_sites_own():
    ConsentDecreeFactory(is_own_decree=True)
    second = ConsentDecreeFactory.build(is_own_decree=True)
    assert "already marked as this site’s decree" in str(errors_of(second))


def test_the_demo_decrees_pass_every_rule_staff_must_meet(demo_content):
    decrees = ConsentDecree.objects.all()
    assert decrees.count() == 10
    for decree in decrees:
        decree.full_clean()


def test_the_demo_data_flags_what_its_own_notes_call_unverified(demo_content):
    flagged = {
        decree.city: decree.unverified_facts
        for decree in ConsentDecree.objects.all()
        if decree.unverified_facts
    }
    assert flagged["Los Angeles"] == ["paragraph_count"]
    assert flagged["Seattle"] == ["entered", "judge"]
    for decree in ConsentDecree.objects.all():
        # A flag with no sentence saying what is not confirmed, or such a sentence with no
        # flag, would mislead.
        assert bool(decree.unverified_facts) == (decree.confidence != "verified"), decree.city
