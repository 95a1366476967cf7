"""The policy list, each draft's page, and the document library."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from media_center.models import Post

from .documents import version_history
from .forms import DocumentFilterForm, PolicyFilterForm
from .models import Document, Policy

PER_PAGE = 20


def policy_list(request):
    """Published policies, open drafts first, filtered by status and area."""
    form = PolicyFilterForm(request.GET)
    policies = form.filter(Policy.objects.published().in_listing_order())
    page = Paginator(policies.prefetch_related("areas"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "policies/policy_list.html", {"form": form, "page": page})


def policy_detail(request, slug):
    """A policy with its window, documents and their earlier versions."""
    # Staff may preview a draft before it is published; residents see published ones only.
    policies = Policy.objects.all() if request.user.is_staff else Policy.objects.published()
    policy = get_object_or_404(
        policies.with_window().prefetch_related(
            "areas",
            "extensions",
            Prefetch("posts", queryset=Post.objects.published()),
        ),
        slug=slug,
    )
    documents = policy.documents.published() if policy.is_published else policy.documents.all()
    documents = version_history(documents)
    context = {"policy": policy, "documents": documents, "time_zone": settings.TIME_ZONE}
    response = render(request, "policies/policy_detail.html", context)
    if not policy.is_published:
        patch_cache_control(response, private=True, no_cache=True, no_store=True)
    return response


def document_list(request):
    """The document library, filtered by kind and area and searched by title."""
    form = DocumentFilterForm(request.GET)
    documents = form.filter(
        Document.objects.published().select_related("policy").prefetch_related("areas")
    )
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "policies/document_list.html", {"form": form, "page": page})
