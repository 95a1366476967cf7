"""The demo is Chicago's public record: every fact with an exact source, in words for residents.

Loads the demo content as ``make run`` does and checks what residents would see:
the real drafts, filings, history and the Police Board's ratings; every source a
specific page (never a site's home page); and no research wording on any page.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from areas.models import Area, ComplianceAssessment, MonitoringReport
from comparisons.models import ConsentDecree
from events.models import Event, EventLink
from media_center.models import Post
from policies.models import Document, Policy
from tests.html_text import visible_text

pytestmark = pytest.mark.django_db

DATA_FILES = sorted(Path(settings.BASE_DIR).glob("*/data/*.csv"))
LINK = re.compile(r"https?://[^\s<>()\]\"',]+")
# Research wording that must never reach a resident, whatever page they open.
JARGON = [
    r"\bunverified\b",
    r"\bapproximate\b",
    r"\bdenominators?\b",
    r"\bprobably\b",
    r"\bconfidence:",
    r"\bearlier public page\b",
    r"\bseed page\b",
    r"\bnot stated\b",
    r"\bresearch note",
    r"\bexcerpt\b",
]


def is_home_page(link):
    """A site's front page: no path, and no query naming a page (``/?p=2621`` is a post)."""
    parts = urlsplit(link)
    return parts.path in ("", "/") and not parts.query


def demo_links():
    """(where, link) for every source and document link the demo stores."""
    links = []
    for report in MonitoringReport.objects.all():
        links += [(report.title, report.figures_source), (report.title, report.link)]
    links += [(str(d), d.link) for d in Document.objects.all()]
    links += [(r.paragraph_id, r.source) for r in ComplianceAssessment.objects.all()]
    links += [(e.event_id, e.url) for e in EventLink.objects.all()]
    for decree in ConsentDecree.objects.all():
        links += [(decree.city, link) for link in decree.source_links]
    for model, field in ((Policy, "body"), (Post, "body"), (Area, "body")):
        for record in model.objects.all():
            links += [(str(record), link) for link in LINK.findall(getattr(record, field))]
    return [(where, link) for where, link in links if link]


def test_no_demo_source_is_a_sites_home_page(demo_content):
    links = demo_links()
    assert len(links) > 100
    home_pages = [(where, link) for where, link in links if is_home_page(link)]
    assert not home_pages


def test_no_data_file_names_a_home_page_as_a_source():
    for path in DATA_FILES:
        for link in LINK.findall(path.read_text(encoding="utf-8")):
            assert not is_home_page(link), f"{path.name}: {link}"


def test_every_fact_in_the_data_files_has_its_source():
    source_columns = {"source", "sources", "link", "document_link"}
    for path in DATA_FILES:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        columns = source_columns & set(rows[0])
        assert columns, f"{path.name} has no source column"
        for row in rows:
            assert any(row[column] for column in columns), f"{path.name}: {row}"


def test_two_reports_share_a_source_only_when_each_says_so(demo_content):
    by_source = defaultdict(list)
    for report in MonitoringReport.objects.all():
        by_source[report.figures_source].append(report)
    path = Path(settings.BASE_DIR) / "areas" / "data" / "chicago-monitoring-reports.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        shares = {row["report"]: row["shares_source_with"] for row in csv.DictReader(handle)}
    for reports in by_source.values():
        if len(reports) < 2:
            continue
        for report in reports:
            others = {other.title for other in reports if other != report}
            assert set(shares[report.title].split(";")) == others, report.title
            # The resident reads it too, in the report's note.
            assert all(other in report.notes for other in others), report.title


def test_each_report_links_to_its_official_copy_where_a_source_gives_one(client, demo_content):
    imr8 = MonitoringReport.objects.get(short_title="IMR 8")
    assert imr8.link.startswith("https://cpdmonitoringteam.com/")
    html = client.get(reverse("areas:progress")).content.decode()
    assert f'<a href="{imr8.link}" rel="noopener noreferrer">' in html
    # The others say so, and where the monitor keeps its reports.
    assert "This site has no copy of this report yet." in visible_text(html)
    assert 'href="https://cpdmonitoringteam.com/reports-information/"' in html


def test_the_policies_page_lists_the_real_drafts_with_their_windows(client, demo_content):
    words = visible_text(client.get(reverse("policies:list")))
    for title, window in [
        ("Command Channel Review", "Comments closed on 23 October 2019"),
        ("Foot Pursuits", "Comments closed on 25 February 2022"),
        ("Recognizing and Responding to Individuals in Crisis", "15 December 2020"),
        ("People with Disabilities", "29 April 2023"),
        ("School Resource Officers and Investigations at CPS", "18 August 2023"),
    ]:
        assert title in words
        assert window in words
    assert not Policy.objects.open_for_comment().exists()
    # Dated by when each was posted, not by when the demo was loaded.
    foot_pursuits = Policy.objects.get(slug="foot-pursuits-2022")
    words = visible_text(client.get(foot_pursuits.get_absolute_url()))
    assert "Posted on 10 February 2022" in words
    spanish = visible_text(client.get("/es" + foot_pursuits.get_absolute_url()))
    assert "Persecuciones a pie" in spanish


def test_what_was_heard_is_said_only_where_a_source_says_it(client, demo_content):
    heard = Policy.objects.exclude(what_we_heard="")
    assert list(heard.values_list("slug", flat=True)) == ["search-warrants-2021"]
    words = visible_text(client.get(heard.get().get_absolute_url()))
    assert "More than 800 comments came in" in words


def test_each_draft_links_to_the_departments_page_as_its_document(client, demo_content):
    policy = Policy.objects.get(
        slug="complaint-initiation-and-log-number-investigation-assignment-2021"
    )
    document = policy.documents.get()
    assert document.link.startswith("https://home.chicagopolice.org/draft_policy/")
    html = client.get(policy.get_absolute_url()).content.decode()
    assert f'href="{document.link}"' in html
    assert "another website" in visible_text(html)


def test_the_document_library_lists_the_real_court_filings(client, demo_content):
    words = visible_text(client.get(reverse("policies:documents")))
    assert "Memorandum opinion and order approving the consent decree" in words
    assert "Filed 31 January 2019 · Docket no. 702" in words
    assert "Monitoring plan for year two" in words


def test_the_media_center_tells_the_history_at_its_real_dates(client, demo_content):
    words = visible_text(client.get(reverse("media_center:list")))
    assert "Eleventh report: full compliance rises to 16%" in words
    approval = Post.objects.get(title="The judge approves the consent decree")
    assert approval.published_at.date().isoformat() == "2019-01-31"
    words = visible_text(client.get(approval.get_absolute_url()))
    assert "31 January 2019" in words
    for post in Post.objects.published():
        # Each post ends with its sources, as links to specific pages.
        sources = post.body_html[post.body_html.index("<strong>Sources</strong>") :]
        assert re.search(r'<a href="https?://[^"]+/[^"]', sources), post.title


def test_the_home_page_keeps_the_seed_empty_state_and_points_to_the_history(client, demo_content):
    words = visible_text(client.get("/"))
    assert "No recent posts have been published at this time." in words
    assert "Read the history of the decree in the Media Center" in words


def test_the_accountability_page_shows_the_police_boards_ratings_in_two_reports(
    client, demo_content
):
    area = Area.objects.get(slug="accountability-transparency")
    html = client.get(area.get_absolute_url()).content.decode()
    start = html.index('id="paragraphs-table"')
    table = html[start : html.index("</table>", start)]
    assert "IMR 6" in table
    assert "IMR 10" in table
    row = re.search(r'<tr id="paragraph-543">(.*?)</tr>', table, re.S).group(1)
    assert "How" not in row  # ¶ 543 has its own title
    assert re.findall(r'class="level level-(\w+)"', row) == ["full", "secondary", "full"]
    assert "Adopting the Police Department" in row
    words = visible_text(html)
    assert "Where these ratings come from: IMR 6, as published on chicago.gov" in words


def test_an_area_without_paragraphs_says_where_to_look_meanwhile(client, demo_content):
    words = visible_text(client.get(Area.objects.get(slug="training").get_absolute_url()))
    assert "No decree paragraphs have been added for this area yet." in words
    assert "Meanwhile, the monitor’s reports rate each paragraph of the decree." in words
    assert "For the site’s staff: add the area’s paragraphs under Areas" in words


def test_a_second_run_keeps_the_record_and_staff_edits(demo_content):
    Policy.objects.filter(slug="foot-pursuits-2022").update(summary="Edited by staff.")
    Post.objects.filter(title__startswith="The judge approves").update(summary="Edited.")
    counts = [
        model.objects.count()
        for model in (Policy, Document, Post, ComplianceAssessment, Event, MonitoringReport)
    ]
    call_command("load_demo_content", verbosity=0)
    assert counts == [
        model.objects.count()
        for model in (Policy, Document, Post, ComplianceAssessment, Event, MonitoringReport)
    ]
    assert Policy.objects.get(slug="foot-pursuits-2022").summary == "Edited by staff."
    assert Post.objects.get(title__startswith="The judge approves").summary == "Edited."


def demo_pages():
    """Every page a resident can reach in the demo, in English and in Spanish."""
    lists = [
        "/",
        reverse("areas:list"),
        reverse("areas:progress"),
        reverse("policies:list"),
        reverse("policies:documents"),
        reverse("media_center:list"),
        reverse("comparisons:list"),
        reverse("events:list"),
    ]
    details = [
        record.get_absolute_url()
        for model in (Area, Policy, Post, ConsentDecree, Event)
        for record in model.objects.all()
    ]
    pages = lists + details
    return pages + ["/es" + page for page in pages]


def test_no_page_shows_research_wording(client, demo_content):
    pages = demo_pages()
    assert len(pages) > 150
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        words = visible_text(response.content.decode()).lower()
        for phrase in JARGON:
            assert not re.search(phrase, words), f"{page}: {phrase}"
