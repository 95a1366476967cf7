"""The policy list, each draft's page, and the document library."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

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
    policy = get_object_or_404(
        Policy.objects.published()
        .with_window()
        .prefetch_related(
            "areas",
            "extensions",
            Prefetch("posts", queryset=Post.objects.published()),
        ),
        slug=slug,
    )
    documents = version_history(policy.documents.published())
    context = {"policy": policy, "documents": documents, "time_zone": settings.TIME_ZONE}
    return render(request, "policies/policy_detail.html", context)


def document_list(request):
    """The document library, filtered by kind and area and searched by title."""
    form = DocumentFilterForm(request.GET)
    documents = form.filter(
        Document.objects.published().select_related("policy").prefetch_related("areas")
    )
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "policies/document_list.html", {"form": form, "page": page})
