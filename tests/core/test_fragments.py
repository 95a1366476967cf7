"""Costly parts of pages kept whole in the shared cache (``{% fragment %}``), never stale.

The suite runs with fragments off; here they are on, as in production, while
the page cache stays off: what a visitor gets when the page itself is not kept.
"""

import datetime
from unittest import mock

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils import timezone

from tests.factories import AreaFactory, PostFactory
from tests.policies.factories import PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments_on(settings):
    settings.FRAGMENT_CACHE = True
    settings.PAGE_CACHE_SECONDS = 0
    return settings


def travel_to(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def text(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/", reverse("areas:progress"), reverse("policies:list"), reverse("comparisons:list")],
)
def test_a_kept_page_is_read_from_the_cache_and_a_save_shows_at_once(
    client, fragments_on, django_assert_max_num_queries, url
):
    area = AreaFactory(title="Use of Force")
    PolicyFactory(title="Foot Pursuits").areas.set([area])
    text(client, url)
    with django_assert_max_num_queries(2):  # the kept part reads nothing
        text(client, url)
    area.title = "Use of Force and De-escalation"
    area.save()
    PolicyFactory(title="Search Warrants").areas.set([area])
    page = text(client, url)
    if url in ("/", reverse("policies:list")):
        assert "Use of Force and De-escalation" in page
    if url == reverse("policies:list"):
        assert "Search Warrants" in page


def test_each_filter_and_page_is_kept_apart(client, fragments_on):
    first, second = AreaFactory(slug="first"), AreaFactory(slug="second")
    PolicyFactory(title="Foot Pursuits").areas.set([first])
    PolicyFactory(title="Search Warrants").areas.set([second])
    url = reverse("policies:list")
    assert "Search Warrants" in text(client, url)
    only_first = text(client, url, {"area": "first"})
    assert "Foot Pursuits" in only_first
    assert "Search Warrants" not in only_first
    assert "Search Warrants" in text(client, url, {"area": "second"})


def test_a_scheduled_post_appears_on_kept_pages_at_its_time(client, fragments_on):
    now = timezone.now().replace(microsecond=0)
    post = PostFactory(title="Report day", published_at=now + datetime.timedelta(hours=1))
    pages = ["/", reverse("media_center:list")]
    with travel_to(now):
        for page in pages:
            assert post.title not in text(client, page)
    with travel_to(now + datetime.timedelta(hours=1)):
        for page in pages:
            assert post.title in text(client, page), page


def test_a_kept_part_is_built_once_per_language(client, fragments_on):
    AreaFactory(title="Use of Force", title_es="Uso de la fuerza")
    assert "Use of Force" in text(client, "/")
    assert "Uso de la fuerza" in text(client, "/es/")
    assert "Uso de la fuerza" not in text(client, "/")


def test_the_tag_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="needs a name"):
        Template("{% load fragment_cache %}{% fragment timed %}x{% endfragment %}")
    rendered = Template('{% load fragment_cache %}{% fragment "t" n %}{{ n }}{% endfragment %}')
    assert rendered.render(Context({"n": 1})) == "1"
