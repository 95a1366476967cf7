"""Staff preview drafts and scheduled posts; nobody else can, and nothing caches or indexes it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from media_center.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    return PostFactory(title="Unreleased findings", slug="unreleased", status=Post.Status.DRAFT)


def test_staff_can_preview_a_draft_that_is_never_cached_or_indexed(staff_client, draft):
    response = staff_client.get(draft.get_preview_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unreleased findings" in html
    assert "This post is a draft" in html
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= cache_control
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_staff_preview_tells_when_a_scheduled_post_will_appear(staff_client):
    when = timezone.make_aware(datetime.datetime(2031, 3, 4, 9, 30))
    post = PostFactory(published_at=when)
    html = staff_client.get(post.get_preview_url()).content.decode()
    assert "residents will see it from 4 March 2031 at 09:30." in html


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_only_staff_can_preview(client, django_user_model, draft, who):
    if who == "resident":
        client.force_login(django_user_model.objects.create_user("resident", password="pw"))
    response = client.get(draft.get_preview_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "Unreleased findings" not in response.content.decode()


def test_the_public_page_of_a_draft_is_not_found_even_for_staff(staff_client, draft):
    assert staff_client.get(draft.get_absolute_url()).status_code == 404


def test_public_post_pages_are_indexable(client):
    post = PostFactory()
    response = client.get(post.get_absolute_url())
    assert "X-Robots-Tag" not in response
    assert "noindex" not in response.content.decode()


def test_view_on_site_in_the_admin_opens_the_preview(staff_client, draft):
    html = staff_client.get(reverse("admin:media_center_post_change", args=[draft.pk])).content
    assert draft.get_preview_url().encode() in html
