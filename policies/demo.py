"""The demo's draft policies and document library: Chicago's real drafts and court filings.

Loaded by ``manage.py load_demo_content`` from ``policies/data/``:
``chicago-draft-policies.csv`` (each draft posted for public comment, with its
window, a summary in our own words, "What we heard" only where a public source
gives it, the page of the draft as its document, dated by its window or, without one,
by ``document_date``, and its sources) and
``chicago-documents.csv`` (court filings and reports, each a link to a copy
elsewhere, with its filing date and docket number where known). Every draft's
window has closed. A record that exists (by slug, or by title for documents)
is left as staff keep it.
"""

import csv
import datetime
from pathlib import Path

from django.utils import timezone

from areas.models import Area, MonitoringReport

from .models import Document, Policy

DATA = Path(__file__).resolve().parent / "data"
POLICIES_CSV = DATA / "chicago-draft-policies.csv"
DOCUMENTS_CSV = DATA / "chicago-documents.csv"


def _rows(path):
    with Path(path).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _sources_paragraph(links, label="Sources"):
    """The sources, as the last paragraph of a draft's page (Markdown)."""
    return f"{label}: " + ", ".join(f"<{link}>" for link in links.split())


def load_policies(path=POLICIES_CSV):
    """Create the drafts that do not exist yet (by slug), each with its document."""
    areas = {area.slug: area for area in Area.objects.all()}
    existing = set(Policy.objects.values_list("slug", flat=True))
    created = 0
    for row in _rows(path):
        if row["slug"] in existing:
            continue
        opens = _date(row["opens"])
        policy = Policy(
            slug=row["slug"],
            number=row["number"],
            title=row["title"],
            summary=row["summary"],
            body=_sources_paragraph(row["sources"]),
            status=row["status"],
            is_published=True,
            comment_opens=opens,
            comment_closes=_date(row["closes"]),
            what_we_heard=row["what_we_heard"],
            # Spanish beside the English (docs/glossary-es.md); the sources stay as they are.
            title_es=row["title_es"],
            body_es=_sources_paragraph(row["sources"], "Fuentes"),
            summary_es=row["summary_es"],
            what_we_heard_es=row["what_we_heard_es"],
        )
        policy.full_clean()
        # The draft was posted when its window opened (or its page is dated), not when the
        # demo was loaded: its first version says so, and the page's "Posted on" with it.
        posted = _date(row["document_date"]) or opens
        policy._history_date = timezone.make_aware(
            datetime.datetime.combine(posted, datetime.time(12)), timezone.get_default_timezone()
        )
        policy.save()
        policy.areas.set(areas[slug] for slug in row["areas"].split() if slug in areas)
        Document.objects.create(
            title=row["document_title"],
            link=row["document_link"],
            kind=Document.Kind.DRAFT_POLICY,
            published_on=_date(row["document_date"]) or opens,
            policy=policy,
        ).areas.set(policy.areas.all())
        created += 2
    return created


def load_documents(path=DOCUMENTS_CSV):
    """Create the court filings and reports that do not exist yet (by title)."""
    areas = {area.slug: area for area in Area.objects.all()}
    reports = {report.title: report for report in MonitoringReport.objects.all()}
    existing = set(Document.objects.values_list("title", flat=True))
    created = 0
    for row in _rows(path):
        if row["title"] in existing:
            continue
        document = Document(
            title=row["title"],
            kind=row["kind"],
            link=row["link"],
            filed_on=_date(row["filed_on"]),
            docket_number=row["docket_number"],
            published_on=_date(row["published_on"]),
            monitoring_report=reports.get(row["monitoring_report"]),
        )
        document.full_clean()
        document.save()
        document.areas.set(areas[slug] for slug in row["areas"].split() if slug in areas)
        created += 1
    return created


def load():
    """The drafts, then the library's filings; return how many records were created."""
    return load_policies() + load_documents()
