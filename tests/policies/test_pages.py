"""What residents see on the policy list, a draft's page and the document library."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from policies.models import Document, Policy
from tests.factories import AreaFactory, PostFactory
from tests.html_text import visible_text

from .conftest import chicago
from .factories import PDF_BYTES, DocumentFactory, PolicyExtensionFactory, PolicyFactory

pytestmark = pytest.mark.django_db


def titles_listed(response):
    return re.findall(r'<h2><a href="/policies/[^"]+/">([^<]+)</a></h2>', response.content.decode())


# The policy list


def test_list_shows_each_window_in_words(client, clock):
    PolicyFactory(title="Open draft")
    extended = PolicyFactory(title="Extended draft", comment_closes=datetime.date(2023, 8, 9))
    PolicyExtensionFactory(policy=extended, closes=datetime.date(2023, 8, 25))
    PolicyFactory(
        title="Closed draft",
        comment_opens=datetime.date(2023, 7, 1),
        comment_closes=datetime.date(2023, 7, 15),
    )
    text = visible_text(client.get(reverse("policies:list")))
    assert "Open for comment until 18 August 2023" in text
    assert "Comment period extended to 25 August 2023" in text
    assert "Comments closed on 15 July 2023" in text


def test_list_puts_open_drafts_first_closing_soonest(client, clock):
    PolicyFactory(
        title="Closed",
        comment_opens=datetime.date(2023, 7, 1),
        comment_closes=datetime.date(2023, 7, 15),
    )
    PolicyFactory(title="Closes later", comment_closes=datetime.date(2023, 8, 30))
    PolicyFactory(title="Closes sooner", comment_closes=datetime.date(2023, 8, 12))
    assert titles_listed(client.get(reverse("policies:list"))) == [
        "Closes sooner",
        "Closes later",
        "Closed",
    ]


def test_list_hides_unpublished_policies(client, clock):
    PolicyFactory(title="Being prepared", is_published=False)
    response = client.get(reverse("policies:list"))
    assert "Being prepared" not in response.content.decode()
    assert "No policies have been published yet." in visible_text(response)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ["Open draft"]),
        ("review", ["Past its window", "Under review"]),
        ("adopted", ["Adopted"]),
        ("archived", ["Archived"]),
        ("", ["Open draft", "Adopted", "Archived", "Past its window", "Under review"]),
    ],
)
def test_list_filters_by_status_as_residents_read_it(client, clock, status, expected):
    july = {
        "comment_opens": datetime.date(2023, 7, 1),
        "comment_closes": datetime.date(2023, 7, 15),
    }
    PolicyFactory(title="Open draft")
    PolicyFactory(title="Past its window", **july)
    PolicyFactory(title="Under review", status=Policy.Status.REVIEW, **july)
    PolicyFactory(title="Adopted", status=Policy.Status.ADOPTED, **july)
    PolicyFactory(
        title="Archived", status=Policy.Status.ARCHIVED, comment_opens=None, comment_closes=None
    )
    listed = titles_listed(client.get(reverse("policies:list"), {"status": status}))
    assert sorted(listed) == sorted(expected)


def test_list_filters_by_area(client, clock):
    training = AreaFactory(title="Training", slug="training")
    PolicyFactory(title="About training").areas.add(training)
    PolicyFactory(title="About something else").areas.add(AreaFactory())
    response = client.get(reverse("policies:list"), {"area": "training"})
    assert titles_listed(response) == ["About training"]
    assert "1 policy" in visible_text(response)


def test_an_unknown_filter_value_is_explained_and_ignored(client, clock):
    PolicyFactory(title="Open draft")
    response = client.get(reverse("policies:list"), {"status": "bogus", "area": "nowhere"})
    assert response.status_code == 200
    assert titles_listed(response) == ["Open draft"]
    assert "Select a valid choice" in visible_text(response)


def test_filters_that_match_nothing_say_so_and_offer_a_way_back(client, clock):
    PolicyFactory()
    response = client.get(reverse("policies:list"), {"status": "adopted"})
    assert "No policies match these filters." in visible_text(response)
    assert f'href="{reverse("policies:list")}"' in response.content.decode()


def test_list_pages_keep_the_filters(client, clock):
    for n in range(25):
        PolicyFactory(title=f"Adopted {n:02d}", status=Policy.Status.ADOPTED)
    html = client.get(reverse("policies:list"), {"status": "adopted"}).content.decode()
    assert 'href="?status=adopted&amp;page=2"' in html
    second = client.get(reverse("policies:list"), {"status": "adopted", "page": 2})
    assert len(titles_listed(second)) == 5


# A draft's page


def test_draft_page_shows_summary_body_areas_and_posts(client, clock):
    policy = PolicyFactory(
        title="Use of force",
        number="G03-02",
        summary="A short summary.",
        body="Some **bold** text.",
    )
    area = AreaFactory(title="Use of Force")
    policy.areas.add(area)
    policy.posts.add(
        PostFactory(title="Town hall on the draft"),
        PostFactory(title="Unpublished", status="draft"),
    )
    response = client.get(policy.get_absolute_url())
    html = response.content.decode()
    assert "<h1>Use of force</h1>" in html
    assert "G03-02" in html
    assert "A short summary." in html
    assert "<strong>bold</strong>" in html
    assert f'href="{area.get_absolute_url()}"' in html
    assert "Town hall on the draft" in html
    assert "Unpublished" not in html
    assert "Open for comment until 18 August 2023" in visible_text(response)


def test_draft_body_is_sanitized(client, clock):
    policy = PolicyFactory(
        body='<script>alert("x")</script>ok', what_we_heard="<img src=x onerror=steal()>"
    )
    html = client.get(policy.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html


def test_unpublished_draft_page_is_not_found(client, clock):
    policy = PolicyFactory(is_published=False)
    assert client.get(policy.get_absolute_url()).status_code == 404


def test_what_we_heard_appears_only_after_the_window(client, clock):
    policy = PolicyFactory(what_we_heard="Residents asked for *clearer* rules.")
    clock.now = chicago(2023, 8, 18, 23, 59, 59)
    assert "Residents asked for" not in client.get(policy.get_absolute_url()).content.decode()
    clock.now = chicago(2023, 8, 19, 0, 0, 0)
    html = client.get(policy.get_absolute_url()).content.decode()
    assert "What we heard" in html
    assert "Residents asked for <em>clearer</em> rules." in html


def test_what_we_heard_waits_for_an_extended_window(client, clock):
    policy = PolicyFactory(what_we_heard="Residents asked for clearer rules.")
    PolicyExtensionFactory(policy=policy, closes=datetime.date(2023, 8, 25))
    clock.now = chicago(2023, 8, 20, 12, 0)
    response = client.get(policy.get_absolute_url())
    assert "Residents asked for" not in response.content.decode()
    assert "Comment period extended to 25 August 2023" in visible_text(response)
    clock.now = chicago(2023, 8, 26, 0, 0)
    assert "Residents asked for" in client.get(policy.get_absolute_url()).content.decode()


def test_extensions_are_kept_as_history_on_the_page(client, clock):
    policy = PolicyFactory()
    PolicyExtensionFactory(
        policy=policy, closes=datetime.date(2023, 8, 25), reason="At residents' request."
    )
    PolicyExtensionFactory(
        policy=policy, closes=datetime.date(2023, 9, 1), reason="A second town hall."
    )
    text = visible_text(client.get(policy.get_absolute_url()))
    assert "18 August 2023 (as first announced)" in text
    history = text[text.index("as first announced") :]
    assert history.index("25 August 2023") < history.index("1 September 2023")
    assert "At residents' request." in text
    assert "A second town hall." in text


def test_draft_page_lists_documents_with_kind_size_and_earlier_versions_in_order(client, clock):
    policy = PolicyFactory()
    first = DocumentFactory(
        policy=policy, title="Draft, first version", published_on=datetime.date(2023, 8, 1)
    )
    second = DocumentFactory(
        policy=policy,
        title="Draft, second version",
        supersedes=first,
        published_on=datetime.date(2023, 8, 5),
    )
    third = DocumentFactory(
        policy=policy,
        title="Draft, third version",
        supersedes=second,
        published_on=datetime.date(2023, 8, 9),
    )
    DocumentFactory(
        policy=policy, title="Not yet out", supersedes=third, published_on=datetime.date(2023, 9, 1)
    )
    html = client.get(policy.get_absolute_url()).content.decode()
    text = visible_text(html)
    assert "Not yet out" not in html
    assert "Draft policy · Version 3" in text
    assert f"PDF, {len(PDF_BYTES)} bytes" in text
    # Current first, then the earlier versions newest first, each still downloadable.
    positions = [
        text.index(t)
        for t in (
            "Draft, third version",
            "Version 2",
            "Draft, second version",
            "Version 1",
            "Draft, first version",
        )
    ]
    assert positions == sorted(positions)
    for document in (first, second, third):
        assert f'href="{document.file.url}"' in html


def test_documents_without_versions_show_no_version_number(client, clock):
    policy = PolicyFactory()
    DocumentFactory(policy=policy, title="Only one")
    text = visible_text(client.get(policy.get_absolute_url()))
    assert "Only one" in text
    assert "Version" not in text


# The document library


def document_titles(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_document_library_lists_current_versions_newest_first(client, clock):
    earlier = DocumentFactory(title="Report, first edition", published_on=datetime.date(2023, 1, 5))
    DocumentFactory(
        title="Report, second edition", supersedes=earlier, published_on=datetime.date(2023, 3, 5)
    )
    DocumentFactory(title="Annual summary", published_on=datetime.date(2023, 6, 1))
    DocumentFactory(title="Scheduled", published_on=datetime.date(2023, 9, 1))
    response = client.get(reverse("policies:documents"))
    assert document_titles(response) == ["Annual summary", "Report, second edition"]
    with_earlier = client.get(reverse("policies:documents"), {"earlier": "on"})
    assert document_titles(with_earlier) == [
        "Annual summary",
        "Report, second edition",
        "Report, first edition",
    ]
    assert "Earlier version, since replaced" in visible_text(with_earlier)


def test_document_library_filters_by_kind_area_and_title(client, clock):
    area = AreaFactory(slug="training")
    DocumentFactory(title="Training report", kind=Document.Kind.MONITORING_REPORT).areas.add(area)
    DocumentFactory(title="Use of force report", kind=Document.Kind.MONITORING_REPORT)
    DocumentFactory(title="Training draft", kind=Document.Kind.DRAFT_POLICY)
    url = reverse("policies:documents")
    assert document_titles(client.get(url, {"kind": "monitoring"})) == [
        "Training report",
        "Use of force report",
    ]
    assert document_titles(client.get(url, {"area": "training"})) == ["Training report"]
    assert document_titles(client.get(url, {"q": "TRAINING"})) == [
        "Training draft",
        "Training report",
    ]
    none = client.get(url, {"q": "budget"})
    assert "No documents match these filters." in visible_text(none)


def test_document_library_hides_documents_of_unpublished_policies(client, clock):
    DocumentFactory(title="Draft being prepared", policy=PolicyFactory(is_published=False))
    DocumentFactory(title="Public draft", policy=PolicyFactory(title="A public draft"))
    response = client.get(reverse("policies:documents"))
    assert document_titles(response) == ["Public draft"]
    assert "A public draft" in response.content.decode()


def test_empty_document_library_says_so(client, clock):
    assert "No documents have been published yet." in visible_text(
        client.get(reverse("policies:documents"))
    )


def test_staff_can_preview_an_unpublished_draft_uncached_and_unindexed(staff_client, clock):
    policy = PolicyFactory(title="Being prepared", is_published=False)
    response = staff_client.get(policy.get_preview_url())
    assert response.status_code == 200
    assert "Preview: this policy is not published." in visible_text(response)
    assert "no-store" in response.headers["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_the_public_page_of_an_unpublished_draft_is_not_found_even_for_staff(staff_client, clock):
    policy = PolicyFactory(is_published=False)
    assert staff_client.get(policy.get_absolute_url()).status_code == 404


def test_only_staff_can_preview_a_draft(client, clock):
    policy = PolicyFactory(is_published=False)
    response = client.get(policy.get_preview_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_view_on_site_in_the_admin_opens_the_preview_until_published(staff_client, clock):
    draft = PolicyFactory(is_published=False)
    html = staff_client.get(reverse("admin:policies_policy_change", args=[draft.pk])).content
    assert draft.get_preview_url().encode() in html


def test_a_bad_filter_value_is_tied_to_its_field_for_screen_readers(client, db):
    html = client.get("/documents/", {"kind": "bogus"}).content.decode()
    described = re.search(r'<select[^>]*name="kind"[^>]*aria-describedby="([^"]+)"', html)
    assert described, "the kind filter names no description"
    assert f'id="{described.group(1)}"' in html


def test_a_monitoring_report_document_links_to_its_figures_on_the_progress_page(client, db):
    from tests.areas.factories import MonitoringReportFactory

    report = MonitoringReportFactory(title="Independent Monitoring Report 11")
    DocumentFactory(
        title="IMR 11 (PDF)", kind=Document.Kind.MONITORING_REPORT, monitoring_report=report
    )
    html = client.get("/documents/").content.decode()
    link = f'href="/progress/#report-{report.pk}"'
    assert link in html
    assert "The figures of Independent Monitoring Report 11 on the Progress page" in unescape(html)
    assert f'id="report-{report.pk}"' in client.get("/progress/").content.decode()


def test_a_report_not_yet_shown_on_the_site_is_not_linked(client, db):
    from tests.areas.factories import MonitoringReportFactory

    hidden = MonitoringReportFactory(is_published=False)
    DocumentFactory(kind=Document.Kind.MONITORING_REPORT, monitoring_report=hidden)
    assert "#report-" not in client.get("/documents/").content.decode()


def test_only_a_monitoring_report_document_can_be_tied_to_a_report(db):
    from django.core.exceptions import ValidationError

    from tests.areas.factories import MonitoringReportFactory

    document = DocumentFactory.build(kind=Document.Kind.DRAFT_POLICY)
    document.monitoring_report = MonitoringReportFactory()
    with pytest.raises(ValidationError, match="Monitoring report"):
        document.clean()
