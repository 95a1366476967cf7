"""Staff publish drafts, windows, extensions and documents from the admin."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from policies.models import Document, Policy, PolicyExtension
from tests.factories import admin_form_in_english
from tests.html_text import visible_text
from tests.pdfs import POLYGLOT, pdf_bytes

from .conftest import chicago
from .factories import PDF_BYTES, DocumentFactory, PolicyFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:policies_policy_add")


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def policy_form(documents=(), extensions=(), **fields):
    """The add form as a staff member fills it: a 15-day window and any documents."""
    data = {
        "title": "Use of force",
        "slug": "use-of-force",
        "number": "G03-02",
        "summary": "How officers may use force.",
        "body": "The draft's text.",
        "is_published": "on",
        "status": "open",
        "comment_opens": "2023-08-04",
        "comment_closes": "2023-08-18",
        "what_we_heard": "",
        **management("extensions", len(extensions)),
        **management("documents", len(documents)),
    }
    for i, extension in enumerate(extensions):
        data.update({f"extensions-{i}-{key}": value for key, value in extension.items()})
        data = admin_form_in_english(PolicyExtension, data, prefix=f"extensions-{i}-")
    for i, (name, content) in enumerate(documents):
        data.update(
            {
                f"documents-{i}-title_en": f"Draft {name}",
                f"documents-{i}-file": SimpleUploadedFile(name, content),
                f"documents-{i}-kind": "draft",
                f"documents-{i}-published_on": "2023-08-04",
            }
        )
    data.update(fields)
    return admin_form_in_english(Policy, data)


def errors_on(response):
    """The error messages the admin shows, as staff read them."""
    html = response.content.decode()
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, flags=re.S)
    return " ".join(visible_text(item) for item in found)


def test_staff_publish_a_draft_with_a_pdf_and_a_15_day_window(admin_client, clock):
    response = admin_client.post(ADD_URL, policy_form(documents=[("draft.pdf", PDF_BYTES)]))
    assert response.status_code == 302, errors_on(response)
    policy = Policy.objects.get(slug="use-of-force")
    document = policy.documents.get()
    assert document.file.name.endswith(".pdf")
    assert document.file_size == len(PDF_BYTES)
    assert policy.is_open_for_comment(chicago(2023, 8, 4, 0, 0))
    assert not policy.is_open_for_comment(chicago(2023, 8, 19, 0, 0))


def test_a_window_that_closes_before_it_opens_is_refused_with_a_clear_message(admin_client):
    response = admin_client.post(
        ADD_URL, policy_form(comment_opens="2023-08-18", comment_closes="2023-08-04")
    )
    assert response.status_code == 200
    assert "The last day for comments must be after the first day (18 August 2023)." in (
        errors_on(response)
    )
    assert 'value="Use of force"' in response.content.decode()  # what staff typed is kept
    assert not Policy.objects.exists()


def test_a_draft_open_for_comment_needs_its_window(admin_client):
    response = admin_client.post(ADD_URL, policy_form(comment_opens="", comment_closes=""))
    assert "needs its first and last day for comments" in errors_on(response)
    response = admin_client.post(ADD_URL, policy_form(comment_closes=""))
    assert "Give both the first and the last day for comments, or neither." in errors_on(response)
    assert not Policy.objects.exists()


def test_an_adopted_policy_may_have_no_window(admin_client):
    form = policy_form(status="adopted", comment_opens="", comment_closes="")
    assert admin_client.post(ADD_URL, form).status_code == 302
    assert Policy.objects.get().window_in_words() == ""


def test_an_extension_must_end_after_the_original_last_day(admin_client):
    form = policy_form(extensions=[{"closes": "2023-08-10", "reason": "Too early"}])
    response = admin_client.post(ADD_URL, form)
    assert "An extension must end after the original last day (18 August 2023)." in (
        errors_on(response)
    )
    form = policy_form(extensions=[{"closes": "2023-08-25", "reason": "At residents' request"}])
    assert admin_client.post(ADD_URL, form).status_code == 302
    assert PolicyExtension.objects.get().closes == datetime.date(2023, 8, 25)


def test_a_pdf_is_recognised_by_its_content_not_its_name(admin_client):
    response = admin_client.post(ADD_URL, policy_form(documents=[("draft.txt", PDF_BYTES)]))
    assert response.status_code == 302, errors_on(response)
    assert Document.objects.get().file.name.endswith(".pdf")


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused(admin_client):
    fake = b"<html><script>alert(1)</script></html>"
    response = admin_client.post(ADD_URL, policy_form(documents=[("draft.pdf", fake)]))
    assert response.status_code == 200
    assert "“draft.pdf” is not a PDF" in errors_on(response)
    assert "Save or export the document as PDF" in errors_on(response)
    assert not Policy.objects.exists()
    assert not Document.objects.exists()


def test_a_file_that_begins_as_a_pdf_and_goes_on_as_a_web_page_is_refused(admin_client):
    response = admin_client.post(ADD_URL, policy_form(documents=[("report.pdf", POLYGLOT)]))
    assert response.status_code == 200
    message = errors_on(response)
    assert "“report.pdf” begins as a PDF but is not one a reader can open" in message
    assert "save or export it as PDF again, then upload the new file" in message
    assert not Document.objects.exists()


def test_a_damaged_pdf_is_refused_and_a_sound_one_of_several_pages_accepted(admin_client):
    cut = pdf_bytes(pages=3)[:-200]  # a download that stopped early
    response = admin_client.post(ADD_URL, policy_form(documents=[("cut.pdf", cut)]))
    assert "“cut.pdf” begins as a PDF but is not one a reader can open" in errors_on(response)
    form = policy_form(documents=[("whole.pdf", pdf_bytes(pages=3))])
    assert admin_client.post(ADD_URL, form).status_code == 302
    assert Document.objects.count() == 1


def test_a_pdf_that_needs_a_password_to_open_is_refused(admin_client):
    locked = pdf_bytes(password="secret")
    response = admin_client.post(ADD_URL, policy_form(documents=[("locked.pdf", locked)]))
    message = errors_on(response)
    assert "“locked.pdf” is protected by a password, so residents could not open it." in message
    assert "Save a copy without a password" in message
    assert not Document.objects.exists()


def test_a_document_over_the_size_limit_is_refused_with_the_limit(admin_client, settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 1024
    big = PDF_BYTES + b"0" * (2048 - len(PDF_BYTES))
    response = admin_client.post(ADD_URL, policy_form(documents=[("big.pdf", big)]))
    message = errors_on(response)
    assert "“big.pdf” is 2.0 KB; the largest document the site accepts is 1.0 KB." in message
    assert not Document.objects.exists()


def test_a_document_cannot_replace_one_of_another_policy(admin_client):
    other = DocumentFactory(policy=PolicyFactory(title="Other"))
    document = DocumentFactory(policy=PolicyFactory(title="This"))
    url = reverse("admin:policies_document_change", args=[document.pk])
    response = admin_client.post(
        url,
        {
            "title_en": document.title,
            "kind": document.kind,
            "published_on": "2023-08-04",
            "policy": document.policy_id,
            "supersedes": other.pk,
        },
    )
    assert "The earlier version belongs to another policy" in errors_on(response)


def test_a_document_cannot_replace_a_later_version_of_itself(admin_client):
    first = DocumentFactory()
    second = DocumentFactory(supersedes=first)
    url = reverse("admin:policies_document_change", args=[first.pk])
    response = admin_client.post(
        url,
        {
            "title_en": first.title,
            "kind": first.kind,
            "published_on": "2023-08-04",
            "supersedes": second.pk,
        },
    )
    assert "cannot replace itself or a later version of itself" in errors_on(response)


def test_changelist_filters_by_window(admin_client, clock):
    PolicyFactory(title="Running draft")
    PolicyFactory(
        title="Upcoming draft",
        comment_opens=datetime.date(2023, 9, 1),
        comment_closes=datetime.date(2023, 9, 15),
    )
    PolicyFactory(
        title="Closed draft",
        comment_opens=datetime.date(2023, 7, 1),
        comment_closes=datetime.date(2023, 7, 15),
    )
    PolicyFactory(title="Adopted policy", status="adopted", comment_opens=None, comment_closes=None)
    url = reverse("admin:policies_policy_changelist")
    for value, title in [
        ("running", "Running draft"),
        ("upcoming", "Upcoming draft"),
        ("closed", "Closed draft"),
        ("none", "Adopted policy"),
    ]:
        html = admin_client.get(url, {"window": value}).content.decode()
        shown = {
            t
            for t in ("Running draft", "Upcoming draft", "Closed draft", "Adopted policy")
            if t in html
        }
        assert shown == {title}, value
    html = admin_client.get(url).content.decode()
    assert "Open for comment until 18 August 2023" in html
    assert "Comments closed on 15 July 2023" in html


def test_a_future_document_cannot_be_fetched_by_guessing_its_address(db):
    from tests.policies.factories import DocumentFactory

    first = DocumentFactory(title="Secret draft", published_on=datetime.date(2030, 1, 1))
    second = DocumentFactory(title="Secret draft", published_on=datetime.date(2030, 1, 1))
    assert first.file.name.startswith("documents/2030/secret-draft-")
    assert first.file.name != second.file.name
    assert len(first.file.name) > len("documents/2030/secret-draft-.pdf") + 12
