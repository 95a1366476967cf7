"""/comparisons/data.csv and data.json: documented columns, parseable, equal to the database."""

import csv
import datetime
import io
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from comparisons import open_data
from comparisons.models import ConsentDecree

from .factories import ConsentDecreeFactory

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


def download_csv(client):
    response = client.get(reverse("comparisons:csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return response, list(csv.DictReader(io.StringIO(body(response))))


def download_json(client):
    response = client.get(reverse("comparisons:json"))
    assert response["Content-Type"] == "application/json"
    return json.loads(body(response))


def expected(decree, day):
    """What a download should say about ``decree``, straight from the database row."""
    return {
        "city": decree.city,
        "slug": decree.slug,
        "department": decree.department,
        "agreement_type": decree.agreement_type,
        "entered": decree.entered.isoformat(),
        "ended": decree.ended.isoformat() if decree.ended else None,
        "status": decree.status,
        "years_in_effect": round(((decree.ended or day) - decree.entered).days / 365.25, 1),
        "paragraph_count": decree.paragraph_count,
        "monitor": decree.monitor,
        "judge": decree.judge,
        "confidence": decree.confidence,
        "unverified_facts": [
            fact
            for fact in ("entered", "ended", "paragraph_count", "monitor", "judge")
            if getattr(decree, f"{fact}_unverified")
        ],
        "sources": decree.sources.split("\n") if decree.sources else [],
        "notes": decree.notes,
        "is_own_decree": decree.is_own_decree,
        "page_url": f"http://testserver/comparisons/{decree.slug}/",
    }


def as_csv_row(record):
    cells = {}
    for key, value in record.items():
        if value is None:
            value = ""
        elif isinstance(value, bool):
            value = str(value).lower()
        elif isinstance(value, list):
            value = " ".join(value)
        cells[key] = str(value)
    return cells


@pytest.fixture
def decrees(cities):
    cities["Akron"].notes = "Line one, with a comma.\n\nLine “two”."
    cities["Akron"].save()
    return ConsentDecree.objects.order_by("entered", "city")


def test_the_json_download_matches_the_database(client, decrees):
    data = download_json(client)
    assert data["as_of"] == "2025-01-01"
    assert data["columns"] == open_data.COLUMNS
    day = datetime.date(2025, 1, 1)
    assert data["decrees"] == [expected(decree, day) for decree in decrees]


def test_the_csv_download_matches_the_database(client, decrees):
    response, rows = download_csv(client)
    assert list(rows[0]) == open_data.COLUMNS
    day = datetime.date(2025, 1, 1)
    assert rows == [as_csv_row(expected(decree, day)) for decree in decrees]
    assert (
        response["Content-Disposition"] == 'attachment; filename="consent-decrees-2025-01-01.csv"'
    )


def test_downloads_count_active_decrees_to_the_day_of_download(client, decrees, today):
    today(datetime.date(2030, 1, 1))
    boise = next(row for row in download_json(client)["decrees"] if row["city"] == "Boise")
    assert boise["years_in_effect"] == 14.0
    _, rows = download_csv(client)
    assert next(row for row in rows if row["city"] == "Boise")["years_in_effect"] == "14.0"


def test_the_demo_data_downloads_whole(client, demo_content):
    data = download_json(client)
    _, rows = download_csv(client)
    assert len(data["decrees"]) == len(rows) == ConsentDecree.objects.count() == 10
    los_angeles = next(row for row in rows if row["city"] == "Los Angeles")
    assert los_angeles["unverified_facts"] == "paragraph_count"
    assert los_angeles["paragraph_count"] == "184"


def test_every_download_column_is_documented_in_the_readme():
    section = README.read_text(encoding="utf-8").split("### Other cities")[1].split("\n## ")[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)
    assert documented == open_data.COLUMNS


def test_the_download_query_count_is_fixed(client, cities, django_assert_max_num_queries):
    ConsentDecreeFactory.create_batch(50)
    with django_assert_max_num_queries(1):
        client.get(reverse("comparisons:csv"))
    with django_assert_max_num_queries(1):
        client.get(reverse("comparisons:json"))
