from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from reform_site.views import placeholder

from .models import Area


def area_list(request):
    return render(request, "areas/area_list.html", {"areas": Area.objects.all()})


def area_detail(request, slug):
    area = get_object_or_404(Area, slug=slug)
    return render(request, "areas/area_detail.html", {"area": area})


progress = placeholder(_("Progress"))
