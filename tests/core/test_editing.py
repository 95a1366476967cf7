"""What staff meet while editing: Markdown boxes say so and preview, slugs follow titles,
a draft's documents start as drafts, and the preview banner reads well."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from core.markdown import MarkdownField
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

MARKDOWN_ADMINS = [
    (model, admin_class)
    for model, admin_class in admin.site._registry.items()
    if any(isinstance(field, MarkdownField) for field in model._meta.fields)
]


@pytest.mark.parametrize(
    ("model", "model_admin"), MARKDOWN_ADMINS, ids=lambda v: getattr(v, "__name__", "")
)
def test_every_markdown_box_says_it_is_markdown_and_has_the_preview(
    admin_client, demo_content, model, model_admin
):
    opts = model._meta
    obj = model.objects.first()
    url = (
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        if obj
        else reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    )
    form = admin_client.get(url).context["adminform"].form
    names = [f.name for f in opts.fields if isinstance(f, MarkdownField) and f.name in form.fields]
    assert names
    for name in names:
        assert "markdown" in str(form.fields[name].help_text).lower(), name
        assert "markdownx" in form[name].as_widget(), name  # the editor with its preview


def test_every_slug_follows_its_title_as_staff_type():
    for model, model_admin in admin.site._registry.items():
        if "slug" in [field.name for field in model._meta.fields]:
            assert "slug" in model_admin.prepopulated_fields, model


def test_a_document_added_to_a_draft_starts_as_a_draft_policy(admin_client):
    page = admin_client.get(reverse("admin:policies_policy_add"))
    formset = page.context["inline_admin_formsets"][1].formset
    assert formset.empty_form.fields["kind"].initial == "draft"


def test_the_preview_of_a_scheduled_post_gives_its_time_in_one_sentence(admin_client):
    when = timezone.make_aware(datetime.datetime(2031, 3, 3, 9, 0))
    post = PostFactory(published_at=when)
    html = admin_client.get(post.get_preview_url()).content.decode()
    assert "residents will see it from 3 March 2031 at 09:00." in html
    assert "a.m.." not in html
