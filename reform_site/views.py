"""Pages that draw from several apps: the home page, search, the site's own pages, robots.txt.

Also security.txt, which answers for the whole site.

They ask each app through its QuerySets (``published()``, ``open_for_comment()``)
and the small interfaces apps offer (``areas.figures``, each app's ``search``).
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from areas.figures import headline
from areas.views import area_cards
from comparisons.models import ConsentDecree
from core.fragments import cached
from core.models import Page
from events.models import Event
from media_center.models import Announcement, Post
from policies.models import Policy

from .privacy import retention_periods
from .site_search import MAX_QUERY_LENGTH, clean_query
from .site_search import search as site_search

# The home page lists this many drafts open for comment, closing soonest first,
# and links to the rest: its size must not grow with the number of drafts.
HOME_OPEN_DRAFTS = 6


def home(request):
    """The home page: every section reads its words from the database.

    Its sections are kept whole in the shared cache (the template's
    ``fragment`` tag), so nothing here is read until a section is built.
    """

    def open_drafts():
        drafts = Policy.objects.open_for_comment().order_by("closes_on", "title")
        return list(drafts[: HOME_OPEN_DRAFTS + 1])

    open_policies = SimpleLazyObject(open_drafts)

    def latest_draft():
        if open_policies:
            return None
        return Policy.objects.published().order_by("-comment_opens", "-created").first()

    context = {
        "announcement": SimpleLazyObject(lambda: Announcement.objects.active().first()),
        # Where the reform stands: the latest report's figures, once per content change.
        "headline": SimpleLazyObject(lambda: cached("headline", headline)),
        "latest_draft": SimpleLazyObject(latest_draft),
        "area_cards": SimpleLazyObject(lambda: area_cards()[0]),
        "decrees": ConsentDecree.objects.for_home(),
        "posts": Post.objects.published()[:3],
        "open_policies": SimpleLazyObject(lambda: open_policies[:HOME_OPEN_DRAFTS]),
        "more_open_policies": SimpleLazyObject(lambda: len(open_policies) > HOME_OPEN_DRAFTS),
        "events": Event.objects.published().upcoming()[:3],
    }
    return render(request, "reform_site/home.html", context)


def search(request):
    """Search every section residents can read; the query stays in the box."""
    query = clean_query(request.GET.get("q"))
    # Searched only when the results part of the page is built: it is kept per query.
    results = SimpleLazyObject(lambda: site_search(query) if query else [])
    context = {
        "query": query,
        "results": results,
        # A function: the template calls it, and counting needs a true number.
        "result_count": lambda: sum(len(records) for _section, records, _more in results),
        "too_long": len(request.GET.get("q", "")) > MAX_QUERY_LENGTH,
    }
    return render(request, "reform_site/search.html", context)


def accessibility(request):
    """The accessibility statement, with a way to report a barrier."""
    page = get_object_or_404(Page, slug=Page.Slug.ACCESSIBILITY)
    return render(request, "reform_site/accessibility.html", {"page": page})


def privacy(request):
    """The privacy page, with how long each thing is kept, from the settings."""
    page = get_object_or_404(Page, slug=Page.Slug.PRIVACY)
    context = {"page": page, "retention": retention_periods()}
    return render(request, "reform_site/privacy.html", context)


def robots_txt(request):
    """Keep crawlers out of the admin and point them at the sitemap."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /markdownx/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# How far ahead security.txt's Expires lies: under a year, as RFC 9116 advises.
# The file is made per request, so it never expires while the site runs.
SECURITY_TXT_LIFETIME = datetime.timedelta(days=180)


def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell about a security problem."""
    if not settings.SECURITY_CONTACT:
        raise Http404("SECURITY_CONTACT is not set.")
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    expires = midnight + SECURITY_TXT_LIFETIME
    lines = [
        *(f"Contact: {contact}" for contact in settings.SECURITY_CONTACT),
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        f"Preferred-Languages: {', '.join(settings.SECURITY_PREFERRED_LANGUAGES)}",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
