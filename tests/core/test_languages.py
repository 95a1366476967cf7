"""The site in English and Spanish: addresses, the language link, untranslated content."""

import re
from html import unescape

import pytest
from django.test import Client
from django.utils import translation

from areas.models import Area
from core.i18n import page_in_languages
from tests.comparisons.factories import ConsentDecreeFactory
from tests.factories import AnnouncementFactory, AreaFactory, PostFactory
from tests.policies.factories import DocumentFactory, PolicyExtensionFactory, PolicyFactory

pytestmark = pytest.mark.django_db


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def language_link(html, code):
    """The href of the visible link to this page in language ``code``."""
    block = re.search(r'<p class="language-link">(.*?)</p>', html, re.S).group(1)
    return unescape(re.search(rf'<a href="([^"]+)" lang="{code}"', block).group(1))


def text(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


@pytest.fixture
def pages(demo_content):
    """One page of every kind, by English address."""
    area = Area.objects.get(slug="use-of-force")
    post = PostFactory(title="Town hall on training", slug="town-hall")
    policy = PolicyFactory(slug="use-of-force-draft")
    decree = ConsentDecreeFactory(slug="springfield")
    announcement = AnnouncementFactory(slug="notice")
    return [
        "/",
        "/areas/",
        area.get_absolute_url(),
        "/progress/",
        "/media-center/",
        "/media-center/?category=news",
        post.get_absolute_url(),
        announcement.get_absolute_url(),
        "/policies/",
        "/policies/?status=open&area=use-of-force",
        policy.get_absolute_url(),
        "/documents/?q=draft",
        "/feedback/",
        "/feedback/thanks/",
        "/search/?q=training",
        "/comparisons/",
        "/comparisons/?sort=-years",
        decree.get_absolute_url(),
    ]


def test_spanish_pages_live_under_es_and_english_ones_have_no_prefix(client, demo_content):
    english = client.get("/areas/").content.decode()
    spanish = client.get("/es/areas/").content.decode()
    assert html_lang(english) == "en"
    assert html_lang(spanish) == "es"
    assert "<h1>Areas of Improvement</h1>" in english
    assert "<h1>Áreas de mejora</h1>" in spanish
    assert client.get("/en/areas/").status_code == 404  # English has one address only


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"},
        {"HTTP_ACCEPT_LANGUAGE": "es", "HTTP_COOKIE": "django_language=es"},
    ],
)
def test_a_first_visit_is_never_redirected_by_the_browsers_language(demo_content, headers):
    browser = Client(**headers)
    response = browser.get("/")
    assert response.status_code == 200
    assert html_lang(response.content.decode()) == "en"
    spanish = browser.get("/es/feedback/")
    assert spanish.status_code == 200
    assert html_lang(spanish.content.decode()) == "es"


def test_the_language_link_round_trips_on_every_page_type(client, pages):
    for url in pages:
        english = client.get(url)
        assert english.status_code == 200, url
        assert "language-link" in english.content.decode(), url
        spanish_url = language_link(english.content.decode(), "es")
        assert spanish_url == "/es" + url, url  # same page, query string kept
        spanish = client.get(spanish_url)
        assert spanish.status_code == 200, spanish_url
        html = spanish.content.decode()
        assert html_lang(html) == "es", spanish_url
        assert language_link(html, "en") == url


def spoken_name(html, href):
    """What a screen reader says for the language link to ``href``: its text without the hidden code."""
    link = re.search(
        rf'<a href="{re.escape(href)}" lang="(\w+)" hreflang="\1" rel="alternate">(.*?)</a>', html
    )
    assert link, href
    return link.group(1), re.sub(
        r"<span[^>]*aria-hidden[^>]*>.*?</span>|<[^>]+>", "", link.group(2)
    )


def test_the_language_link_is_named_in_its_own_language(client, demo_content):
    assert spoken_name(client.get("/").content.decode(), "/es/") == ("es", "Español")
    assert spoken_name(client.get("/es/").content.decode(), "/") == ("en", "English")


def test_every_page_names_its_other_languages_in_the_head(client, demo_content):
    html = client.get("/es/policies/?status=open").content.decode()
    head = html[: html.index("</head>")]
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/policies/?status=open">'
        in head
    )
    assert (
        '<link rel="alternate" hreflang="es" href="http://testserver/es/policies/?status=open">'
        in head
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/policies/?status=open">'
        in head
    )


def test_a_missing_page_says_so_in_the_pages_language_and_links_the_other(client, db):
    response = client.get("/es/no-such-page/?x=1")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(html) == "es"
    assert "Página no encontrada" in html
    assert language_link(html, "en") == "/no-such-page/?x=1"
    english = client.get("/no-such-page/")
    assert "Page not found" in english.content.decode()
    assert language_link(english.content.decode(), "es") == "/es/no-such-page/"


def test_page_in_languages_gives_each_address_for_other_templates(rf, db):
    request = rf.get("/es/areas/?sort=x")
    with translation.override("es"):
        versions = page_in_languages(request)
    assert [(v.code, v.name, v.url, v.is_current) for v in versions] == [
        ("en", "English", "/areas/?sort=x", False),
        ("es", "Español", "/es/areas/?sort=x", True),
    ]
    assert versions[0].absolute_url == "http://testserver/areas/?sort=x"


def test_staff_text_left_empty_in_spanish_shows_the_english_marked_as_such(client, db):
    AreaFactory(
        slug="training", title="Training", summary="Hours of training.", title_es="Capacitación"
    )
    html = client.get("/es/areas/training/").content.decode()
    # The title is translated; the summary is not, and says so in Spanish.
    assert "<span>Capacitación</span>" in html
    assert '<p class="lede" lang="en">Hours of training.</p>' in html
    assert '<p class="untranslated-note">Aún no traducido: se muestra en inglés.</p>' in html


def test_translated_staff_text_is_shown_without_a_note(client, db):
    AreaFactory(
        slug="training",
        title="Training",
        summary="Hours of training.",
        title_es="Capacitación",
        summary_es="Horas de capacitación.",
    )
    html = client.get("/es/areas/training/").content.decode()
    assert '<p class="lede">Horas de capacitación.</p>' in html
    assert "untranslated-note" not in html
    english = client.get("/areas/training/").content.decode()
    assert '<p class="lede">Hours of training.</p>' in english
    assert "Capacitación" not in text(english)


def test_each_language_gets_its_own_markdown(client, db):
    PostFactory(slug="update", body="We met on **Monday**.", body_es="Nos reunimos el **lunes**.")
    PostFactory(slug="english-only", body="Only *English*.")
    spanish = client.get("/es/media-center/update/").content.decode()
    assert "<strong>lunes</strong>" in spanish
    assert "Monday" not in spanish
    assert "<strong>Monday</strong>" in client.get("/media-center/update/").content.decode()
    fallback = client.get("/es/media-center/english-only/").content.decode()
    assert '<div lang="en"><p>Only <em>English</em>.</p></div>' in fallback


def test_dates_and_percentages_follow_the_pages_language(client, demo_content):
    policy = PolicyFactory(slug="window")
    PolicyExtensionFactory(policy=policy, reason="At residents' request.", reason_es="")
    spanish = text(client.get("/es/policies/window/").content.decode())
    assert "4 de agosto de 2023" in spanish
    english = text(client.get("/policies/window/").content.decode())
    assert "4 August 2023" in english
    progress_es = client.get("/es/progress/").content.decode()
    progress_en = client.get("/progress/").content.decode()
    assert "Preliminar: 182 (35\u00a0%)" in progress_es  # a no-break space before the sign
    assert "Preliminary: 182 (35%)" in progress_en
    assert "1 jul 2024" in text(progress_es)
    assert "1 Jul 2024" in text(progress_en)


def test_document_titles_are_found_in_the_language_the_reader_sees(client, db):
    DocumentFactory(title="Use of force draft", title_es="Borrador sobre el uso de la fuerza")
    DocumentFactory(title="Training plan")  # not translated: Spanish readers see the English
    assert "Borrador sobre el uso" in client.get("/es/documents/?q=borrador").content.decode()
    assert "Training plan" in client.get("/es/documents/?q=training").content.decode()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("policia", "Policía comunitaria"),
        ("POLICÍA", "Policía comunitaria"),
        ("capacitacion", "Capacitación"),
        ("training", "Capacitación"),  # a Spanish reader may search in English
    ],
)
def test_spanish_search_finds_spanish_content_whatever_the_accents(
    client, demo_content, query, found
):
    html = client.get("/es/search/", {"q": query}).content.decode()
    assert found in text(html)


def test_english_search_stays_in_english(client, demo_content):
    html = client.get("/search/", {"q": "policia"}).content.decode()
    assert "Nothing matched" in html


def test_a_spanish_page_costs_no_more_queries_than_the_english_one(client, demo_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for url in ("/", "/es/"):
        client.get(url)  # warm the cached site settings
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    assert counts["/es/"] == counts["/"]
