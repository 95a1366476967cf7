"""A document can be a link to its official copy elsewhere instead of a PDF kept here."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from policies.models import Document
from tests.html_text import visible_text

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db

DOCKET = "https://example-court.gov/cases/17-cv-6260/docket/702"


def linked(**values):
    return DocumentFactory(
        **{
            "title": "Order approving the consent decree",
            "file": None,
            "link": DOCKET,
            "kind": Document.Kind.COURT_FILING,
            "filed_on": datetime.date(2019, 1, 31),
            "docket_number": "702",
            "published_on": datetime.date(2019, 1, 31),
            **values,
        }
    )


def test_the_library_lists_a_linked_document_and_says_it_leaves_the_site(client):
    linked()
    DocumentFactory(title="Draft use of force policy")
    html = client.get(reverse("policies:documents")).content.decode()
    words = visible_text(html)
    assert (
        f'<a href="{DOCKET}" rel="noopener noreferrer">Order approving the consent decree</a>'
        in html
    )
    assert "(on example-court.gov, another website)" in words
    assert "Court filing · Filed 31 January 2019 · Docket no. 702" in words
    # The kept PDF still says what it is and how big.
    assert "Draft use of force policy (PDF," in words


def test_the_library_filters_linked_documents_by_kind_like_any_other(client):
    linked()
    DocumentFactory(title="Draft use of force policy")
    html = client.get(reverse("policies:documents"), {"kind": "court"}).content.decode()
    assert "Order approving the consent decree" in html
    assert "Draft use of force policy" not in html


def test_search_finds_a_linked_document_and_links_to_the_official_copy(client):
    linked()
    html = client.get(reverse("search"), {"q": "consent decree order"}).content.decode()
    assert f'href="{DOCKET}"' in html
    assert "on example-court.gov, another website" in visible_text(html)


def test_a_document_is_a_file_or_a_link_never_both_nor_neither():
    both = DocumentFactory.build(link=DOCKET)
    with pytest.raises(ValidationError, match="one of the two"):
        both.full_clean()
    neither = DocumentFactory.build(file=None, link="")
    with pytest.raises(ValidationError, match="one of the two"):
        neither.full_clean()
    linked().full_clean()


def test_a_link_to_a_sites_home_page_is_refused():
    for home in ("https://example-court.gov/", "https://example-court.gov"):
        document = DocumentFactory.build(file=None, link=home)
        with pytest.raises(ValidationError, match="home page"):
            document.full_clean()


def test_the_library_answers_in_the_same_queries_for_links_and_files(
    client, django_assert_max_num_queries
):
    for n in range(3):
        linked(title=f"Filing {n}")
        DocumentFactory()
    client.get(reverse("policies:documents"))
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("policies:documents"))
    for n in range(10):
        linked(title=f"Later filing {n}")
        DocumentFactory()
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("policies:documents"))
