"""The accessibility statement and the privacy page: there from the start, honest, editable."""

import re
import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from core.models import Page
from core.page_texts import PAGES, PAGES_ES
from feedback.abuse import new_form_token
from reform_site.privacy import duration
from tests.core.test_pages import public_urls
from tests.factories import admin_form_in_english

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html):
    """The words of the page's main content, tags and line breaks gone."""
    main = re.search(r"<main.*?</main>", html, re.S)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_a_fresh_site_has_both_pages_without_loading_demo_content(client):
    assert set(Page.objects.values_list("slug", flat=True)) == {"accessibility", "privacy"}
    assert "<h1>Accessibility statement</h1>" in html_of(client, "/accessibility/")
    assert "<h1>Privacy</h1>" in html_of(client, "/privacy/")


def test_every_page_links_to_both_from_its_footer(client, demo_content):
    for url in public_urls():
        footer = re.search(r"<footer.*?</footer>", html_of(client, url), re.S)[0]
        assert '<a href="/accessibility/">Accessibility</a>' in footer, url
        assert '<a href="/privacy/">Privacy</a>' in footer, url


def test_the_statement_says_the_standard_how_it_is_tested_its_limits_and_how_to_report(client):
    text = text_of(html_of(client, "/accessibility/"))
    assert "WCAG) 2.2 at level AA" in text
    for how in ("axe-core", "real Chromium browser", "in English and in Spanish", "keyboard"):
        assert how in text, how
    assert "320 pixels wide" in text
    assert "without JavaScript" in text
    assert "Known limitations" in text
    assert "“Website accessibility”" in text


def test_the_statement_leads_to_the_form_with_the_accessibility_topic(client):
    html = html_of(client, "/accessibility/")
    link = re.search(r'<a class="button" href="([^"]+)">Report an accessibility problem</a>', html)
    assert link[1] == "/feedback/?topic=accessibility#feedback-form"
    form = html_of(client, link[1].split("#")[0])
    assert '<option value="accessibility" selected>Website accessibility</option>' in form


def test_the_privacy_page_says_what_is_kept_who_sees_it_and_how_to_delete_it(client):
    text = text_of(html_of(client, "/privacy/"))
    for fact in (
        "your message, the topic",
        "a scrambled code made from your internet address",
        "csrftoken",
        "sessionid",
        "Only the staff who review feedback",
        "How to have your message deleted",
        "reference number",
    ):
        assert fact in text, fact


def test_the_privacy_page_gives_the_periods_the_site_is_set_to(client, settings):
    settings.FEEDBACK_PERSONAL_DATA_DAYS = 90
    settings.FEEDBACK_CONFIRMATION_SECONDS = 1800
    settings.FEEDBACK_RATE_LIMIT = (5, 600)
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
    text = text_of(html_of(client, "/privacy/"))
    assert "Deleted 90 days after we receive your message" in text
    assert "30 minutes; after that the page shows only the reference number" in text
    assert "10 minutes" in text
    assert "The sessionid cookie 14 days, or until you clear your cookies" in text
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    text = text_of(html_of(client, "/privacy/"))
    assert "The sessionid cookie Until you close your browser" in text


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (86400, "1 day"),
        (1209600, "14 days"),
        (3600, "1 hour"),
        (600, "10 minutes"),
        (90, "90 seconds"),
    ],
)
def test_durations_read_in_the_largest_whole_unit(seconds, words):
    assert duration(seconds) == words


def test_reading_pages_sets_no_cookie_but_the_form_check_and_sending_sets_only_the_session(
    demo_content,
):
    """The privacy page names exactly two cookies; nothing a resident does may set a third."""
    reader = Client()
    for url in public_urls():
        reader.get(url)
    assert set(reader.cookies) == {"csrftoken"}  # set by the feedback form, for its check

    sender = Client()
    sender.get(reverse("feedback:form"))
    minute_ago = new_form_token(now=time.time() - 60)  # not refused as sent too fast
    response = sender.post(
        reverse("feedback:form"), {"message": "Hello.", "form_token": minute_ago}
    )
    assert response.status_code == 302
    assert set(sender.cookies) == {"csrftoken", "sessionid"}


def test_staff_edit_a_page_in_the_admin_and_residents_read_it(admin_client, client):
    page = Page.objects.get(slug="privacy")
    url = reverse("admin:core_page_change", args=[page.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        admin_form_in_english(
            Page,
            {
                "title": "Your privacy",
                "summary": "What we keep.",
                "body": "## What we keep\n\nOnly what you send us.",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()
    html = html_of(client, "/privacy/")
    assert "<h1>Your privacy</h1>" in html
    assert "<h2>What we keep</h2>" in html
    assert Page.objects.get(pk=page.pk).slug == "privacy"  # the address cannot be changed


def test_the_pages_cannot_be_deleted_in_the_admin(admin_client):
    page = Page.objects.get(slug="accessibility")
    assert admin_client.get(reverse("admin:core_page_delete", args=[page.pk])).status_code == 403


def test_a_missing_page_comes_back_and_staff_words_are_kept(client):
    Page.objects.filter(slug="accessibility").delete()
    Page.objects.filter(slug="privacy").update(title="Edited by staff")
    assert client.get("/accessibility/").status_code == 404
    call_command("load_demo_content", verbosity=0)
    assert "<h1>Accessibility statement</h1>" in html_of(client, "/accessibility/")
    assert Page.objects.get(slug="privacy").title == "Edited by staff"


def test_markdown_in_a_page_is_sanitized(client):
    Page.objects.filter(slug="privacy").delete()
    Page.objects.create(
        slug="privacy", title="Privacy", summary="S.", body="<script>alert(1)</script>\n\n# Big"
    )
    html = html_of(client, "/privacy/")
    assert "<script>alert" not in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_the_spanish_text_has_every_section_of_the_english():
    for slug, english in PAGES.items():
        spanish = PAGES_ES[slug]
        assert set(spanish) == set(english)
        assert spanish["title"] != english["title"]
        sections = [re.findall(r"^## ", text["body"], re.M) for text in (english, spanish)]
        assert len(sections[0]) == len(sections[1]) > 2, slug
        items = [re.findall(r"^- ", text["body"], re.M) for text in (english, spanish)]
        assert len(items[0]) == len(items[1]), slug
