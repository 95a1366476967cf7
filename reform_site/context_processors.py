"""Values every page's layout needs."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.fragments import cached
from core.i18n import page_in_languages
from core.models import SiteSettings
from core.sharing import canonical_url

# (URL name, label, other URL names whose pages belong to the same section)
NAVIGATION = [
    ("areas:list", _("Areas of Improvement"), ()),
    ("areas:progress", _("Progress"), ()),
    ("media_center:list", _("Media Center"), ()),
    ("policies:list", _("Draft Policies & Documents"), ("policies:documents",)),
    ("events:list", _("Meetings"), ()),
    ("feedback:form", _("Feedback"), ()),
    ("comparisons:list", _("Other Cities"), ()),
]


def navigation(path):
    """The main menu, with the section ``path`` belongs to marked as current."""
    nav = []
    for name, label, also in NAVIGATION:
        prefixes = [reverse(other) for other in (name, *also)]
        current = any(path.startswith(prefix) for prefix in prefixes)
        nav.append({"url": prefixes[0], "label": label, "current": current})
    return nav


def layout(request, site):
    """The parts of the layout every page shares (head links, header, footer), as HTML.

    They hold the menu, the language link and the site's identity: the same for
    every visitor of an address, so they are built once per content change,
    address and language (``core.fragments``) instead of on every request.
    """

    def build():
        context = {
            "site": site,
            "nav": navigation(request.path),
            "language_versions": page_in_languages(request),
        }
        # Rendered (and escaped) by the templates; strip() only drops the outer spaces.
        return {
            part: mark_safe(render_to_string(f"includes/layout_{part}.html", context).strip())
            for part in ("links", "header", "footer")
        }

    return cached("layout", build, request.build_absolute_uri())


def site(request):
    """The site's identity, the shared parts of the layout, the page's one address
    (``canonical_url``) and the page in each language.

    ``language_versions`` lists the page in each of the site's languages (``code``,
    ``name`` in that language, ``url`` with the query string, ``absolute_url``,
    ``is_current``), for the language link, ``hreflang`` alternates and anything
    else that needs the page's address in another language.
    """
    site_settings = SiteSettings.load()
    return {
        "site": site_settings,
        "layout": SimpleLazyObject(lambda: layout(request, site_settings)),
        "canonical_url": canonical_url(request),
        "language_versions": SimpleLazyObject(lambda: page_in_languages(request)),
    }
