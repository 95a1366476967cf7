"""The policy list, each draft's page with its comment form, and the document library."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache

from feedback.intake import handle_submission
from media_center.models import Post

from .documents import version_history
from .forms import DocumentFilterForm, PolicyFilterForm
from .models import Document, Policy
from .windows import zone_name

PER_PAGE = 20


def policy_list(request):
    """Published policies, open drafts first, filtered by status and area."""
    form = PolicyFilterForm(request.GET)
    policies = form.filter(Policy.objects.published().in_listing_order())
    page = Paginator(policies.prefetch_related("areas"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "policies/policy_list.html", {"form": form, "page": page})


@never_cache  # the comment form carries a one-time token
def policy_detail(request, slug):
    """A policy with its window, documents and earlier versions, and, while the window
    is open, the comment form, which goes through the feedback intake.

    A comment sent outside the window is refused (403) and stored nowhere; the page
    says why and gives the person their text back.
    """
    # Staff may preview a draft before it is published; residents see published ones only.
    policies = Policy.objects.all() if request.user.is_staff else Policy.objects.published()
    policy = get_object_or_404(
        policies.with_window()
        .with_comment_count()
        .prefetch_related("areas", "extensions", Prefetch("posts", Post.objects.published())),
        slug=slug,
    )
    context = {"policy": policy, "time_zone": zone_name()}
    status = 200
    if policy.is_open_for_comment():
        intake = handle_submission(request, policy=policy)
        if intake.response:  # the confirmation with its reference number, or the 429 page
            return intake.response
        context["feedback_form"] = intake.form
    elif request.method == "POST":
        status = 403
        context["comment_refused"] = True
        context["refused_message"] = request.POST.get("message", "")

    documents = policy.documents.published() if policy.is_published else policy.documents.all()
    context["documents"] = version_history(documents)
    response = render(request, "policies/policy_detail.html", context, status=status)
    if not policy.is_published:
        patch_cache_control(response, private=True)
    return response


def document_list(request):
    """The document library, filtered by kind and area and searched by title."""
    form = DocumentFilterForm(request.GET)
    documents = form.filter(
        Document.objects.published()
        .select_related("policy", "monitoring_report")
        .prefetch_related("areas")
    )
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "policies/document_list.html", {"form": form, "page": page})
