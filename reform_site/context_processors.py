"""Values every page's layout needs."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

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


def site(request):
    """The site's identity, the navigation with the current section marked, the page's
    one address (``canonical_url``) and the page in each language.

    ``language_versions`` lists the page in each of the site's languages (``code``,
    ``name`` in that language, ``url`` with the query string, ``absolute_url``,
    ``is_current``), for the language link, ``hreflang`` alternates and anything
    else that needs the page's address in another language.
    """
    nav = []
    for name, label, also in NAVIGATION:
        prefixes = [reverse(other) for other in (name, *also)]
        current = any(request.path.startswith(prefix) for prefix in prefixes)
        nav.append({"url": prefixes[0], "label": label, "current": current})
    return {
        "site": SiteSettings.load(),
        "nav": nav,
        "canonical_url": canonical_url(request),
        "language_versions": SimpleLazyObject(lambda: page_in_languages(request)),
    }
