"""Every progress page makes the same few queries, however much data there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alerts.models import Alert
from areas.models import Area, ComplianceAssessment, MonitoringReport, Paragraph
from areas.sample import generate
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

# The most queries each page may make (with the site settings cached). The home
# page draws from every section, so only its growth with the data is checked here.
PAGES = {
    "home": ("/", None),
    "area list": (reverse("areas:list"), 2),
    "area page": ("AREA", 6),  # its own 3, posts, drafts and upcoming events
    "progress": (reverse("areas:progress"), 4),
    "progress csv": (reverse("areas:data", args=["csv"]), 2),
    "progress json": (reverse("areas:data", args=["json"]), 2),
    "ratings csv": (reverse("areas:ratings", args=["csv"]), 1),
    "ratings json": (reverse("areas:ratings", args=["json"]), 1),
    "area csv": ("AREA" + "data.csv", 3),
    "area json": ("AREA" + "data.json", 3),
    "area ratings csv": ("AREA" + "ratings.csv", 2),
    "area ratings json": ("AREA" + "ratings.json", 2),
}


@pytest.fixture(scope="module")
def generated_progress_for_module(django_db_setup, django_db_blocker):
    """800 paragraphs in 10 areas, rated in 12 published reports, made once for this module."""
    with django_db_blocker.unblock():
        AreaFactory.create_batch(10)
        generate(paragraphs=800, reports=12, seed=7)
    yield
    with django_db_blocker.unblock():
        Paragraph.objects.all().delete()
        MonitoringReport.objects.all().delete()
        Area.objects.all().delete()
        # Publishing the reports outside a test's transaction announced them (email alerts).
        Alert.objects.all().delete()


def resolve(url):
    if url.startswith("AREA"):
        return Area.objects.order_by("order").first().get_absolute_url() + url[4:]
    return url


def fetch(client, url):
    """Get a page and read all of it, so streamed downloads run their queries."""
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def count_queries(client, url):
    url = resolve(url)
    client.get("/")  # the site settings are cached after the first page
    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    return len(queries)


@pytest.mark.parametrize("name", [name for name, (_url, budget) in PAGES.items() if budget])
def test_page_stays_within_its_query_budget_with_800_paragraphs_and_12_reports(
    client, generated_progress_for_module, django_assert_max_num_queries, name
):
    assert Paragraph.objects.count() == 800
    assert MonitoringReport.objects.published().count() == 12
    assert ComplianceAssessment.objects.count() == 9600
    url, budget = PAGES[name]
    url = resolve(url)
    client.get("/")
    with django_assert_max_num_queries(budget):
        body = fetch(client, url)
    assert body


def test_every_page_makes_as_many_queries_for_little_data_as_for_much(client, db):
    AreaFactory.create_batch(10)
    generate(paragraphs=8, reports=2, seed=3)
    small = {name: count_queries(client, url) for name, (url, _budget) in PAGES.items()}
    generate(paragraphs=800, reports=12, seed=3)
    large = {name: count_queries(client, url) for name, (url, _budget) in PAGES.items()}
    assert large == small
