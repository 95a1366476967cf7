"""The Media Center's pages: the list of posts, a post, its staff preview, announcements."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView, ListView
from markdownx.views import ImageUploadView

from core.fragments import KeptCountMixin, KeptObjectMixin
from core.preview import StaffPreviewMixin
from core.sharing import SharedImage

from .forms import EditorImageForm
from .models import Announcement, Post


class PostListView(KeptCountMixin, ListView):
    """Published posts, newest first, ten a page, optionally of one category."""

    template_name = "media_center/post_list.html"
    context_object_name = "posts"
    paginate_by = 10

    def get_category(self):
        category = self.request.GET.get("category", "")
        return category if category in Post.Category.values else ""

    def get_queryset(self):
        return Post.objects.published().in_category(self.get_category())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        category = self.get_category()
        context.update(
            categories=Post.Category.choices,
            category=category,
            category_label=Post.Category(category).label if category else "",
        )
        return context


post_list = PostListView.as_view()


class PostDetailView(KeptObjectMixin, DetailView):
    """A published post."""

    context_object_name = "post"
    kept_as = "post"
    template_name = "media_center/post_detail.html"

    def get_queryset(self):
        return Post.objects.published().prefetch_related("areas")

    def get_context_data(self, **kwargs):
        """The post's sharing card is an article's, with its cover's largest rendition."""
        context = super().get_context_data(**kwargs)
        context["og_type"] = "article"
        renditions = self.object.cover_renditions
        if renditions:
            largest = renditions[-1]
            context["social_image"] = SharedImage.from_url(
                self.request, largest.url, largest.width, largest.height, self.object.cover_alt
            )
        return context


class PostPreviewView(StaffPreviewMixin, PostDetailView):
    """A draft or scheduled post as it will look, for staff only."""

    preview_queryset = Post.objects.prefetch_related("areas")


post_detail = PostDetailView.as_view()
post_preview = PostPreviewView.as_view()


def announcement_detail(request, slug):
    announcement = get_object_or_404(Announcement.objects.active(), slug=slug)
    return render(request, "media_center/announcement_detail.html", {"announcement": announcement})


class EditorImageUploadView(ImageUploadView):
    """The Markdown editor's image upload, through the same checks as cover images.

    Staff only: reform_site/urls.py wraps it in ``core.staff.staff_only``.

    The editor inserts whatever ``image_code`` comes back, so a refused image
    comes back as an HTML comment holding the reason: staff read it in the
    editor, and the sanitizer drops comments, so it never reaches a page.
    """

    form_class = EditorImageForm

    def form_invalid(self, form):
        errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
        reason = " ".join(m for messages in errors.values() for m in messages).replace("--", "–")
        return JsonResponse(
            {**errors, "image_code": f"<!-- Image not added: {reason} -->"}, status=400
        )
