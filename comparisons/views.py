from django.shortcuts import get_object_or_404, render

from .models import ConsentDecree


def decree_list(request):
    return render(request, "comparisons/decree_list.html", {"decrees": ConsentDecree.objects.all()})


def decree_detail(request, slug):
    decree = get_object_or_404(ConsentDecree, slug=slug)
    return render(request, "comparisons/decree_detail.html", {"decree": decree})
