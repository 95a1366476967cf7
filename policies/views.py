"""The policy list, each draft's page with its comment form, and the document library."""

from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from core.fragments import KeptCountMixin, KeptObjectMixin, cached
from core.preview import StaffPreviewMixin
from core.views import gives_back_refused_forms
from feedback.intake import form_page, handle_submission
from media_center.models import Post

from .changes import text_changes
from .documents import version_history
from .forms import DocumentFilterForm, PolicyFilterForm
from .models import Document, Policy
from .windows import zone_name

PER_PAGE = 20


def comment_counts(policy):
    """``comment_count`` and ``website_comment_count`` of ``policy``, as they are now."""
    return (
        Policy.objects.filter(pk=policy.pk)
        .with_comment_count()
        .values("comment_count", "website_comment_count")
        .get()
    )


class FilteredListView(KeptCountMixin, ListView):
    """A paginated list narrowed by a filter form read from the query string."""

    form_class = None
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.form = self.form_class(self.request.GET)
        return self.form.filter(self.get_records())

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class PolicyListView(FilteredListView):
    """Published policies, open drafts first, filtered by status and area."""

    form_class = PolicyFilterForm
    template_name = "policies/policy_list.html"

    def get_records(self):
        return Policy.objects.published().in_listing_order().prefetch_related("areas")


class DocumentListView(FilteredListView):
    """The document library, filtered by kind and area and searched by title."""

    form_class = DocumentFilterForm
    template_name = "policies/document_list.html"

    def get_records(self):
        return (
            Document.objects.published()
            .select_related("policy", "monitoring_report")
            .prefetch_related("areas")
        )


class PolicyDetailView(KeptObjectMixin, DetailView):
    """A published policy with its window, documents and earlier versions and, while the
    window is open, the comment form, which goes through the feedback intake.

    A comment sent outside the window is refused (403) and stored nowhere; the page
    says why and gives the person their text back.
    """

    context_object_name = "policy"
    template_name = "policies/policy_detail.html"
    http_method_names = ["get", "post", "head", "options"]
    # Read once per content change and until the next midnight (its window). Its
    # comment counts change with what residents send, so they are read apart.
    kept_as = "policy"

    def get_queryset(self):
        return self.as_shown(Policy.objects.published())

    @staticmethod
    def as_shown(policies):
        """``policies`` with what the page shows of each: window, areas, extensions, posts."""
        return policies.with_window().prefetch_related(
            "areas", "extensions", Prefetch("posts", Post.objects.published())
        )

    def get(self, request, *args, **kwargs):
        self.object = policy = self.get_object()
        context = {"time_zone": zone_name()}
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
        context["events"] = SimpleLazyObject(lambda: policy.events.published().upcoming()[:3])
        context["comments"] = SimpleLazyObject(lambda: comment_counts(policy))
        documents = policy.documents.published() if policy.is_published else policy.documents.all()
        # Read only when the parts of the page that show them are built (``{% fragment %}``).
        context["documents"] = SimpleLazyObject(lambda: version_history(documents))
        context["text_history"] = SimpleLazyObject(
            lambda: cached("draft-text-history", lambda: text_changes(policy), policy.pk)
        )
        return form_page(
            request,
            context.get("feedback_form"),
            lambda: self.render_to_response(self.get_context_data(**context), status=status),
        )

    post = get


class PolicyPreviewView(StaffPreviewMixin, PolicyDetailView):
    """A draft being prepared, as it will look, for staff only (comments are never taken)."""

    preview_queryset = Policy.objects.all()
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        return self.as_shown(super().get_queryset())


policy_list = PolicyListView.as_view()
document_list = DocumentListView.as_view()
# The comment form carries a one-time token: never cached.
policy_detail = gives_back_refused_forms(never_cache(PolicyDetailView.as_view()))
policy_preview = PolicyPreviewView.as_view()
