"""The site in English and Spanish in real Chromium: axe on every page type in both,
the page's language where a screen reader needs it, the language link, the keyboard."""

import datetime
import re

import pytest

from feedback.models import Feedback
from policies.windows import local_today
from tests.comparisons.factories import ConsentDecreeFactory
from tests.factories import AnnouncementFactory, PostFactory
from tests.policies.factories import DocumentFactory, PolicyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = re.compile(r"FB-[0-9A-Z]{4}-[0-9A-Z]{4}")

# One page of every kind residents see, by its English address.
PAGES = [
    "/",
    "/areas/",
    "/areas/use-of-force/",
    "/progress/",
    "/media-center/",
    "/media-center/town-hall/",
    "/media-center/english-only/",  # a post nobody has translated yet
    "/media-center/workforce-allocation-study/",
    "/policies/",
    "/policies/open-draft/",
    "/documents/",
    "/feedback/",
    "/feedback/thanks/",
    "/search/?q=training",
    "/comparisons/",
    "/comparisons/chicago/",
    "/no-such-page/",
]


@pytest.fixture
def site(demo_content, settings):
    """The demo content and a record of each kind it lacks, one of them untranslated."""
    settings.FEEDBACK_MIN_SECONDS = 0
    today = local_today()
    PostFactory(
        slug="town-hall",
        title="Town hall on training",
        title_es="Reunión comunitaria sobre capacitación",
        summary="Residents asked about training.",
        summary_es="Los residentes preguntaron por la capacitación.",
        body="We met at the **library**.",
        body_es="Nos reunimos en la **biblioteca**.",
    )
    PostFactory(slug="english-only", title="Only in English", summary="Not translated yet.")
    policy = PolicyFactory(
        slug="open-draft",
        title="Use of force draft",
        title_es="Borrador sobre el uso de la fuerza",
        summary="How officers may use force.",
        summary_es="Cómo pueden usar la fuerza los agentes.",
        comment_opens=today - datetime.timedelta(days=3),
        comment_closes=today + datetime.timedelta(days=11),
    )
    DocumentFactory(policy=policy, title="Draft text", title_es="Texto del borrador")
    AnnouncementFactory(slug="notice", title="Notice", title_es="Aviso")
    ConsentDecreeFactory(slug="springfield", city="Springfield")


def spanish(path):
    return "/es" + path


@pytest.mark.parametrize("path", PAGES + [spanish(path) for path in PAGES])
def test_every_page_type_passes_axe_in_both_languages(page, live_server, site, axe_check, path):
    page.goto(live_server.url + path)
    expected = "es" if path.startswith("/es/") else "en"
    assert page.evaluate("document.documentElement.lang") == expected
    axe_check()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_feedback_form_showing_its_errors_passes_axe(
    page, live_server, site, axe_check, prefix
):
    page.goto(live_server.url + prefix + "/feedback/")
    page.check("#id_may_contact")
    page.fill("#id_email", "not-an-email")
    page.click("form.feedback-form button[type=submit]")
    page.wait_for_selector(".error-summary")
    axe_check()


def test_untranslated_blocks_are_read_in_english_on_a_spanish_page(page, live_server, site):
    page.goto(live_server.url + "/es/media-center/english-only/")
    assert page.evaluate("document.documentElement.lang") == "es"
    title_lang = page.evaluate("document.querySelector('h1').closest('[lang]').lang")
    assert title_lang == "en"
    note = page.locator(".untranslated-note")
    assert note.inner_text() == "Aún no traducido: se muestra en inglés."
    assert note.evaluate("node => node.closest('[lang]').lang") == "es"
    # A translated post has no English in it.
    page.goto(live_server.url + "/es/media-center/town-hall/")
    assert page.locator("[lang=en]").count() == 1  # only the link to the English page
    assert page.locator(".untranslated-note").count() == 0


def test_the_language_link_round_trips_on_every_page_type(page, live_server, site):
    for path in PAGES:
        page.goto(live_server.url + path)
        page.get_by_role("link", name="Español", exact=True).click()
        page.wait_for_load_state()
        assert page.url == live_server.url + spanish(path), path
        assert page.evaluate("document.documentElement.lang") == "es", path
        page.get_by_role("link", name="English", exact=True).click()
        page.wait_for_load_state()
        assert page.url == live_server.url + path, path
        assert page.evaluate("document.documentElement.lang") == "en", path


def focused(page):
    return page.evaluate(
        "document.activeElement.id || document.activeElement.getAttribute('href') "
        "|| document.activeElement.tagName"
    )


def tab_until(page, wanted, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == wanted:
            return
    pytest.fail(f"Tab never reached {wanted}; it stopped at {focused(page)}")


def test_a_spanish_reader_sends_feedback_from_the_home_page_with_the_keyboard_alone(
    page, live_server, site, axe_check
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/es/")
    tab_until(page, "/es/feedback/")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/es/feedback/")
    assert page.locator("h1").inner_text() == "Envíenos su opinión"

    # Send it without a message: the errors come back in Spanish, focused.
    tab_until(page, "id_zip_code")
    page.keyboard.type("60608")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.locator(".error-summary a").inner_text() == "Escriba su mensaje antes de enviarlo."
    assert page.locator("#id_zip_code").input_value() == "60608"
    axe_check()

    # Fix it from the summary's link, then send it again.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_message"
    page.keyboard.type("Gracias por las reuniones en el vecindario.")
    tab_until(page, "BUTTON")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/es/feedback/sent/FB-"))
    reference = page.locator(".feedback-reference-number").inner_text()
    assert REFERENCE.fullmatch(reference)
    assert page.locator("h1").inner_text() == "Gracias, su mensaje se envió"
    feedback = Feedback.objects.get()
    assert (feedback.reference, feedback.page_language) == (reference, "es")
    assert feedback.message == "Gracias por las reuniones en el vecindario."
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check()
