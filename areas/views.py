from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from media_center.models import Post
from policies.models import Policy
from reform_site.views import placeholder

from .models import Area


def area_list(request):
    return render(request, "areas/area_list.html", {"areas": Area.objects.all()})


def area_detail(request, slug):
    area = get_object_or_404(Area, slug=slug)
    context = {
        "area": area,
        "posts": Post.objects.published().for_area(area)[:5],
        "open_drafts": Policy.objects.open_for_comment().for_area(area),
    }
    return render(request, "areas/area_detail.html", context)


progress = placeholder(_("Progress"))
