"""Search finds a word in its other forms, and the people who oversee a decree by name."""

import pytest
from django.db import connection
from django.utils import translation

from core.word_forms import fold, has_word_forms, query_stems, stems
from reform_site.site_search import search as site_search
from tests.areas.factories import ParagraphFactory
from tests.comparisons.factories import ConsentDecreeFactory
from tests.factories import AreaFactory, PostFactory


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["trainings", "trained", "TRAINING"])
def test_a_word_finds_its_other_forms(client, query):
    AreaFactory(title="Training", summary="How officers learn.")
    PostFactory(title="Officers train for crisis calls")
    html = search(client, query)
    assert "Training" in html
    assert "Officers train for crisis calls" in html


@pytest.mark.django_db
def test_every_word_of_the_query_must_be_found(client):
    ParagraphFactory(title="Foot pursuits", text="Officers will not chase on foot unless…")
    assert "Foot pursuits" in search(client, "chasing officer")
    assert "Foot pursuits" not in search(client, "chasing horses")


@pytest.mark.django_db
def test_a_word_is_not_found_inside_another(client):
    AreaFactory(title="Accountability", summary="Enforcement of the rules.")
    assert "Nothing matched “force”" in search(client, "force")


@pytest.mark.django_db
def test_a_decree_is_found_by_its_monitor_or_its_judge(client):
    ConsentDecreeFactory(
        city="Chicago",
        monitor="Maggie Hickey (Independent Monitoring Team)",
        judge="Rebecca R. Pallmeyer",
        summary="",
        notes="",
    )
    ConsentDecreeFactory(city="Seattle", monitor="Antonio Oftelie", judge="James L. Robart")
    by_monitor = search(client, "Hickey")
    assert "Chicago" in by_monitor
    assert "Monitor: Maggie Hickey (Independent Monitoring Team)" in by_monitor
    assert "Seattle" not in by_monitor
    assert "Chicago" in search(client, "pallmeyer")


def test_case_and_accents_do_not_matter():
    assert fold("Policía ÁREA") == "policia area"
    assert stems("Policía", "es") == stems("policia", "es")


def test_the_stemmer_follows_the_language():
    assert stems("trainings", "en") == stems("training", "en") == {"train"}
    assert stems("entrenamientos", "es") == stems("entrenamiento", "es")
    # A language without a stemmer of its own falls back to English.
    assert stems("trainings", "pl") == {"train"}


def test_a_record_matches_only_with_every_stem_of_the_query():
    wanted = " ".join(query_stems("use of force"))
    assert has_word_forms("Use of Force policy", wanted, "en")
    assert not has_word_forms("Use of the baton", wanted, "en")
    assert not has_word_forms(None, wanted, "en")
    assert not has_word_forms("Anything", "", "en")


def test_only_the_first_ten_words_of_a_query_count():
    assert len(query_stems(" ".join(f"word{n}" for n in range(30)))) == 10


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="word forms through Python's stemmers are SQLite's; PostgreSQL stems in the database",
)
def test_on_sqlite_a_spanish_page_matches_with_the_spanish_stemmer():
    AreaFactory(title="Políticas de entrenamiento", summary="Cómo aprenden los agentes.")
    with translation.override("es"):
        found = site_search("politica entrenamientos")
    assert [str(record) for _section, records, _more in found for record in records] == [
        "Políticas de entrenamiento"
    ]
