"""The comparison page, each decree's page and the open-data downloads."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from core.fragments import cached
from core.opendata import download

from . import open_data
from .comparison import Comparison
from .models import ConsentDecree
from .sorting import Sort


def decree_list(request):
    """Every decree in a table sorted by ``?sort=``, with a timeline and paragraph counts."""
    requested = request.GET.get("sort", "")
    sort, understood = Sort.from_param(requested)
    today = timezone.localdate()
    context = {
        # Read only when the page's kept part (``{% fragment %}``) is built again.
        "comparison": SimpleLazyObject(
            lambda: Comparison(ConsentDecree.objects.all(), sort, today)
        ),
        "headers": sort.headers(),
        "unknown_sort": "" if understood else requested,
    }
    return render(request, "comparisons/decree_list.html", context)


def decree_detail(request, slug):
    # Kept until content changes or midnight (the years in effect).
    decree = cached("decree", lambda: get_object_or_404(ConsentDecree, slug=slug), slug, timed=True)
    reference = None
    if not decree.is_own_decree:
        # A list, so that "the site has no decree of its own" is kept too.
        own = cached("own-decree", lambda: list(ConsentDecree.objects.own()[:1]), timed=True)
        reference = own[0] if own else None
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
