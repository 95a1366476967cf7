"""Site search finds what residents can read, and only that."""

import pytest
from django.db import connection

from core.searchable import _full_text, fields_by_language
from policies.models import Policy
from tests.areas.factories import ParagraphFactory
from tests.comparisons.factories import ConsentDecreeFactory
from tests.factories import AreaFactory, PostFactory
from tests.policies.factories import DocumentFactory, PolicyFactory

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_each_kind_of_content(client):
    AreaFactory(title="Crisis Intervention", summary="Responding to mental health calls.")
    PostFactory(title="Crisis training graduates", summary="Officers finished the course.")
    PolicyFactory(title="Crisis response draft", summary="How officers respond.")
    DocumentFactory(title="Crisis intervention plan")
    ConsentDecreeFactory(city="Springfield", summary="Crisis teams were added.")
    html = search(client, "crisis")
    for title in (
        "Crisis Intervention",
        "Crisis training graduates",
        "Crisis response draft",
        "Crisis intervention plan",
        "Springfield",
    ):
        assert title in html
    assert "5 results for “crisis”" in html


def test_search_never_shows_drafts_scheduled_posts_or_unpublished_policies(client):
    PostFactory(title="Crisis secret", status="draft")
    PolicyFactory(title="Crisis unpublished", is_published=False)
    html = search(client, "crisis")
    assert "Crisis secret" not in html
    assert "Crisis unpublished" not in html
    assert "Nothing matched “crisis”" in html


def test_search_keeps_the_query_in_the_box_and_escapes_it(client):
    html = search(client, '<script>alert("x")</script>')
    assert "<script>alert" not in html
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in html


def test_empty_search_shows_only_the_form(client):
    html = search(client, "   ")
    assert 'name="q"' in html
    assert "Nothing matched" not in html


def test_a_very_long_query_is_cut_and_says_so(client):
    html = search(client, "police " * 100)
    assert "cut to its first 200 characters" in html


def test_search_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    for n in range(30):
        AreaFactory(summary="Training for officers.")
        PostFactory(summary="Training news.")
        PolicyFactory(summary=f"Training policy {n}.", status=Policy.Status.ADOPTED)
    with django_assert_max_num_queries(8):  # one query per section searched
        html = search(client, "training")
    assert "Showing the first 20" in html


def test_sitemap_lists_public_pages_only(client, demo_content):
    visible = PostFactory(title="Visible")
    draft = PostFactory(status="draft")
    unpublished = PolicyFactory(is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert visible.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml
    assert unpublished.get_absolute_url() not in xml
    assert "/areas/use-of-force/" in xml
    assert "/comparisons/seattle/" in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_documents_page_marks_its_section_in_the_navigation(client, db):
    html = client.get("/documents/").content.decode()
    assert 'href="/policies/" aria-current="page"' in html


def test_search_finds_a_decree_paragraph_by_number_or_words(client):
    ParagraphFactory(
        number=153, title="Foot pursuits", text="Officers will not chase on foot unless…"
    )
    ParagraphFactory(number=154, title="Vehicle pursuits")
    by_number = search(client, "¶ 153")
    assert "Foot pursuits" in by_number
    assert "Vehicle pursuits" not in by_number
    assert "#paragraph-153" in by_number
    assert "Foot pursuits" in search(client, "pursuits chase")


@pytest.mark.parametrize("query", ["²", "§³", "①", "a\x00b", "\x00", "¶"])
def test_odd_characters_get_an_answer_not_an_error(client, query):
    ParagraphFactory(number=2, title="Two")
    html = search(client, query)
    assert 'name="q"' in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text indexes are PostgreSQL's")
@pytest.mark.django_db
def test_full_text_search_can_read_each_sections_index_on_postgresql():
    """Each section's query matches its GIN index exactly, so PostgreSQL can use it."""
    from reform_site.site_search import sections

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for language in ("en", "es"):  # a Spanish page searches Spanish and English
            for section in sections():
                model = section.queryset().model
                groups = fields_by_language(model, section.fields, language)
                plan = _full_text(section.queryset(), groups, "training").explain()
                for code in groups:
                    assert f"_search_vector_{code}" in plan, (language, section.key, plan)
