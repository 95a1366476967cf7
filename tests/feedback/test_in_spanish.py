"""Feedback in the reader's language: the form, its errors, the confirmation, the wait page."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from feedback.models import Feedback
from tests.conftest import sign_in_with_second_factor
from tests.policies.factories import PolicyFactory

pytestmark = pytest.mark.django_db

SPANISH_FORM = "/es/feedback/"


def test_the_form_and_its_errors_are_in_spanish(send):
    response = send(url=SPANISH_FORM, message="", zip_code="606")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Hay un problema" in html
    assert "Escriba su mensaje antes de enviarlo." in html
    assert "Escriba un código postal de cinco dígitos, como 60601, o déjelo en blanco." in html
    assert 'value="Ada Resident"' in html  # nothing typed is lost
    assert re.search(r'<form[^>]*action="/es/feedback/"', html)
    assert not Feedback.objects.exists()


def test_the_spanish_form_offers_a_reply_in_spanish_first(client, db):
    html = client.get(SPANISH_FORM).content.decode()
    assert '<option value="es" selected lang="es">Español</option>' in html


def test_a_message_sent_in_spanish_keeps_its_language_and_confirms_in_spanish(client, send):
    response = send(url=SPANISH_FORM, language="es")
    feedback = Feedback.objects.get()
    assert feedback.page_language == "es"
    with translation.override("en"):
        assert feedback.get_page_language_display() == "Spanish"
    assert response["Location"] == f"/es/feedback/sent/{feedback.reference}/"
    html = client.get(response["Location"]).content.decode()
    assert "Gracias, su mensaje se envió" in html
    assert feedback.reference in html
    assert re.search(r"\d{1,2} de \w+ de \d{4}", html)  # the date, as Spanish writes it


def test_a_message_sent_in_english_is_recorded_as_english(send):
    send()
    assert Feedback.objects.get().page_language == "en"


def test_staff_are_told_in_english_with_the_language_named(send, settings):
    settings.FEEDBACK_NOTIFY_EMAILS = ["team@example.org"]
    send(url=SPANISH_FORM)
    (email,) = mail.outbox
    assert email.subject.startswith("New feedback FB-")
    assert "Language used: Spanish" in email.body


def test_the_wait_page_is_in_spanish_and_keeps_the_text(send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    assert send(url=SPANISH_FORM, form_token=form_token()).status_code == 302
    response = send(url=SPANISH_FORM, form_token=form_token(), message="Mi segundo mensaje.")
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Por favor, espere unos minutos antes de volver a enviar" in html
    assert "Mi segundo mensaje." in html


def test_a_form_refused_by_the_security_check_comes_back_in_spanish(db, valid_data):
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post(SPANISH_FORM, valid_data)
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "vuelva a pulsar “Enviar”" in html
    assert "The new training videos are helpful" in html


def test_a_comment_on_a_draft_from_the_spanish_page_is_recorded_in_spanish(send):
    policy = PolicyFactory(comment_opens=None, comment_closes=None, status="open")
    policy.comment_opens, policy.comment_closes = _open_window()
    policy.save()
    url = "/es" + policy.get_absolute_url()
    response = send(url=url)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Feedback.objects.get().page_language == "es"


def test_reviewers_see_the_language_by_name(client, django_user_model, send):
    send(url=SPANISH_FORM, language="es")
    feedback = Feedback.objects.get()
    reviewer = django_user_model.objects.create_superuser("reviewer", "r@example.org", "pw")
    sign_in_with_second_factor(client, reviewer)
    listing = client.get(reverse("admin:feedback_feedback_changelist")).content.decode()
    assert '<td class="field-page_language">Spanish</td>' in listing
    page = client.get(reverse("admin:feedback_feedback_change", args=[feedback.pk]))
    html = page.content.decode()
    assert re.search(r"Language used:</label>\s*<div class=\"readonly\">Spanish</div>", html)
    assert re.search(r"Preferred language:</label>\s*<div class=\"readonly\">Español</div>", html)


def _open_window():
    from policies.windows import local_today

    today = local_today()
    return today.replace(day=1), today.replace(year=today.year + 1)
