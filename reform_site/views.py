"""Pages that draw from several apps: the home page, search, robots.txt.

They ask each app through its QuerySets (``published()``, ``open_for_comment()``)
and the small interfaces apps offer (``areas.figures``, each app's ``search``).
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from areas.views import area_cards
from comparisons.models import ConsentDecree
from media_center.models import Announcement, Post
from policies.models import Policy

from .site_search import MAX_QUERY_LENGTH, clean_query
from .site_search import search as site_search

# The home page lists this many drafts open for comment, closing soonest first,
# and links to the rest: its size must not grow with the number of drafts.
HOME_OPEN_DRAFTS = 6


def home(request):
    """The home page: every section reads its words from the database."""
    open_policies = list(
        Policy.objects.open_for_comment().order_by("closes_on", "title")[: HOME_OPEN_DRAFTS + 1]
    )
    context = {
        "announcement": Announcement.objects.active().first(),
        "area_cards": area_cards()[0],
        "decrees": ConsentDecree.objects.for_home(),
        "posts": Post.objects.published()[:3],
        "open_policies": open_policies[:HOME_OPEN_DRAFTS],
        "more_open_policies": len(open_policies) > HOME_OPEN_DRAFTS,
    }
    return render(request, "reform_site/home.html", context)


def search(request):
    """Search every section residents can read; the query stays in the box."""
    query = clean_query(request.GET.get("q"))
    results = site_search(query) if query else []
    context = {
        "query": query,
        "results": results,
        "result_count": sum(len(records) for _section, records, _more in results),
        "too_long": len(request.GET.get("q", "")) > MAX_QUERY_LENGTH,
    }
    return render(request, "reform_site/search.html", context)


def robots_txt(request):
    """Keep crawlers out of the admin and point them at the sitemap."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /markdownx/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
