"""The comparison page, each decree's page and the open-data downloads."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.opendata import download

from . import open_data
from .comparison import Comparison
from .models import ConsentDecree
from .sorting import Sort


def decree_list(request):
    """Every decree in a table sorted by ``?sort=``, with a timeline and paragraph counts."""
    requested = request.GET.get("sort", "")
    sort, understood = Sort.from_param(requested)
    comparison = Comparison(ConsentDecree.objects.all(), sort, timezone.localdate())
    context = {
        "comparison": comparison,
        "headers": sort.headers(),
        "unknown_sort": "" if understood else requested,
    }
    return render(request, "comparisons/decree_list.html", context)


def decree_detail(request, slug):
    decree = get_object_or_404(ConsentDecree, slug=slug)
    reference = None if decree.is_own_decree else ConsentDecree.objects.own().first()
    context = {"decree": decree, "reference": reference, "today": timezone.localdate()}
    return render(request, "comparisons/decree_detail.html", context)


def _download(request, fmt):
    today = timezone.localdate()
    rows = open_data.records(ConsentDecree.objects.all(), today, request.build_absolute_uri)
    return download(
        rows,
        open_data.COLUMNS,
        fmt,
        f"consent-decrees-{today}",
        meta={"as_of": today.isoformat()},
        rows_key="decrees",
    )


def decrees_csv(request):
    return _download(request, "csv")


def decrees_json(request):
    return _download(request, "json")
