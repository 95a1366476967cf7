"""Every colour of every chart comes from the stylesheet, so display modes can change it."""

import re

import pytest
from django.core.management import call_command

from areas.sample import generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated_demo(db):
    call_command("load_demo_content", verbosity=0)
    generate(paragraphs=30, reports=3, seed=4)


@pytest.mark.parametrize(
    "path", ["/", "/areas/", "/progress/", "/areas/use-of-force/", "/comparisons/"]
)
def test_no_chart_carries_a_colour_of_its_own(client, rated_demo, path):
    html = client.get(path).content.decode()
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert svgs
    for svg in svgs:
        assert not re.search(r'\b(?:fill|stroke)="(?:#|rgb|[a-z]+\b(?<!none))', svg), svg[:300]


@pytest.mark.parametrize("path", ["/progress/", "/areas/use-of-force/", "/comparisons/"])
def test_every_chart_comes_wide_and_narrow_with_the_same_figures(client, rated_demo, path):
    html = client.get(path).content.decode()
    wide = re.findall(r'<svg class="[^"]*chart-wide.*?</svg>', html, re.S)
    narrow = re.findall(r'<svg class="[^"]*chart-narrow.*?</svg>', html, re.S)
    assert len(wide) == len(narrow) >= 1

    def figures(svg):
        """The figure beside each bar, and each segment's count."""
        values = re.findall(r'<text class="(?:bar-value|value)[^"]*"[^>]*>([^<]+)</text>', svg)
        counts = re.findall(r'data-count="([^"]+)"', svg)
        return values + counts

    for one, other in zip(wide, narrow, strict=True):
        assert figures(one)
        assert figures(one) == figures(other)
