from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

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


def _download(request):
    today = timezone.localdate()
    rows = open_data.records(ConsentDecree.objects.all(), today, request.build_absolute_uri)
    return rows, today


def decrees_csv(request):
    rows, today = _download(request)
    response = HttpResponse(open_data.as_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consent-decrees-{today}.csv"'
    return response


def decrees_json(request):
    rows, today = _download(request)
    data = {"as_of": today.isoformat(), "columns": open_data.COLUMNS, "decrees": rows}
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
