"""Error pages speak the page's language: not found, refused, too many, broken."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation
from django.views.defaults import permission_denied, server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "words"), [("en", "Something went wrong"), ("es", "Algo salió mal")]
)
def test_the_server_error_page_is_in_the_pages_language(rf, code, words):
    with translation.override(code):
        response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{code}">' in html
    assert words in html


@pytest.mark.parametrize(
    ("code", "words"), [("en", "You cannot open this page"), ("es", "No puede abrir esta página")]
)
def test_the_refused_page_is_in_the_pages_language(rf, code, words):
    with translation.override(code):
        response = permission_denied(rf.get("/"), PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{code}">' in html
    assert words in html


def test_a_refused_security_check_explains_itself_in_spanish():
    response = Client(enforce_csrf_checks=True).post("/es/search/", {"q": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Por favor, regrese e inténtelo de nuevo" in html
