"""Change history of a post: every save is a version, the admin shows the words that changed,
and restoring an earlier version brings its words back on the public page."""

import pytest
from django.urls import reverse

from media_center.models import Post

from .conftest import admin_post_form

pytestmark = pytest.mark.django_db


def change_url(post):
    return reverse("admin:media_center_post_change", args=[post.pk])


@pytest.fixture
def edited_post(staff_client):
    """A post saved in the admin, then edited: its text changed and its category too."""
    staff_client.post(
        reverse("admin:media_center_post_add"),
        admin_post_form(body="We met at the **library** on Tuesday."),
    )
    post = Post.objects.get()
    staff_client.post(
        change_url(post),
        admin_post_form(
            title="District council meeting moved",
            body="We met at the **park district hall** on Tuesday.",
            category="news",
        ),
    )
    post.refresh_from_db()
    return post


def test_every_admin_save_records_a_version_with_who_made_it(edited_post):
    versions = edited_post.history.order_by("history_date")
    assert [v.history_type for v in versions] == ["+", "~"]
    assert {v.history_user.username for v in versions} == {"admin"}


def test_the_history_page_shows_the_words_that_changed(staff_client, edited_post):
    page = staff_client.get(reverse("admin:media_center_post_history", args=[edited_post.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<span class="visually-hidden">removed: </span>**library**' in html
    assert '<span class="visually-hidden">added: </span>**park district hall**' in html
    assert "<dt>Title</dt>" in html
    assert "<dt>Category</dt>" in html
    assert "Event" in html
    assert "News" in html
    # Fields nobody types (the rendered HTML, timestamps) are not listed as changes.
    assert "Body html" not in html
    assert "Updated at" not in html


def test_restoring_an_earlier_version_brings_its_words_back_on_the_site(staff_client, edited_post):
    first = edited_post.history.earliest("history_date")
    restore_url = reverse(
        "admin:media_center_post_simple_history", args=[edited_post.pk, first.history_id]
    )
    form = staff_client.get(restore_url)
    assert "Restore this version" in form.content.decode()
    assert form.context["adminform"].form.initial["title_en"] == "District council meeting"

    response = staff_client.post(restore_url, admin_post_form(body=first.body))
    assert response.status_code == 302
    public = staff_client.get(edited_post.get_absolute_url()).content.decode()
    assert "District council meeting moved" not in public
    assert "<strong>library</strong>" in public
    assert edited_post.history.count() == 3  # restoring is a new version: nothing is lost
