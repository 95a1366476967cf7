"""Search sits in every page's header: a plain form, the first thing after the site's name."""

import re

import pytest

from tests.core.test_pages import public_urls

pytestmark = pytest.mark.django_db


def header_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return re.search(r"<header.*?</header>", response.content.decode(), re.S)[0]


def test_every_page_has_a_search_form_in_its_header(client, demo_content):
    for url in public_urls():
        header = header_of(client, url)
        form = re.search(r"<form [^>]*>.*?</form>", header, re.S)
        assert form, url
        form = form[0]
        # A GET form to the search page works without JavaScript.
        assert 'method="get" action="/search/"' in form, url
        assert 'role="search"' in form, url
        assert (
            '<label for="header-search-q" class="visually-hidden">Search the site</label>' in form
        )
        assert re.search(r'<input type="search" id="header-search-q" name="q"', form), url
        assert '<button type="submit"' in form, url


def test_the_search_comes_before_the_menu_so_the_keyboard_reaches_it_first(client, db):
    header = header_of(client, "/")
    assert (
        header.index('class="site-name"') < header.index("header-search-q") < header.index("<nav")
    )


def test_what_the_header_form_sends_finds_results(client, demo_content):
    header = header_of(client, "/areas/")
    action = re.search(r'<form [^>]*action="([^"]+)"', header)[1]
    name = re.search(r'<input type="search" [^>]*name="([^"]+)"', header)[1]
    html = client.get(action, {name: "use of force"}).content.decode()
    assert "results for “use of force”" in html
    assert 'href="/areas/use-of-force/"' in html
