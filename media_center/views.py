from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.generic import ListView
from markdownx.views import ImageUploadView

from .forms import EditorImageForm
from .models import Announcement, Post


class PostListView(ListView):
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
        page = context["page_obj"]
        context.update(
            categories=Post.Category.choices,
            category=category,
            category_label=Post.Category(category).label if category else "",
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2),
        )
        return context


post_list = PostListView.as_view()


def post_detail(request, slug):
    post = get_object_or_404(Post.objects.published().prefetch_related("areas"), slug=slug)
    return render(request, "media_center/post_detail.html", {"post": post})


@never_cache
@staff_member_required
def post_preview(request, slug):
    """A draft or scheduled post as it will look, for staff only; never cached or indexed."""
    post = get_object_or_404(Post.objects.prefetch_related("areas"), slug=slug)
    response = render(request, "media_center/post_detail.html", {"post": post, "preview": True})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def announcement_detail(request, slug):
    announcement = get_object_or_404(Announcement.objects.active(), slug=slug)
    return render(request, "media_center/announcement_detail.html", {"announcement": announcement})


class EditorImageUploadView(ImageUploadView):
    """The Markdown editor's image upload, through the same checks as cover images.

    Staff only: reform_site/urls.py wraps it in ``staff_member_required``.

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
