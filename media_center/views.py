from django.shortcuts import get_object_or_404, render

from .models import Announcement, Post


def post_list(request):
    return render(request, "media_center/post_list.html", {"posts": Post.objects.published()})


def post_detail(request, slug):
    post = get_object_or_404(Post.objects.published(), slug=slug)
    return render(request, "media_center/post_detail.html", {"post": post})


def announcement_detail(request, slug):
    announcement = get_object_or_404(Announcement.objects.active(), slug=slug)
    return render(request, "media_center/announcement_detail.html", {"announcement": announcement})
