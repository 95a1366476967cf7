"""Values every page's layout needs."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import SiteSettings

NAVIGATION = [
    ("areas:list", _("Areas of Improvement")),
    ("areas:progress", _("Progress")),
    ("media_center:list", _("Media Center")),
    ("policies:list", _("Draft Policies & Documents")),
    ("feedback:form", _("Feedback")),
    ("comparisons:list", _("Other Cities")),
]


def site(request):
    """The site's identity and the navigation, with the current section marked."""
    nav = []
    for name, label in NAVIGATION:
        url = reverse(name)
        nav.append({"url": url, "label": label, "current": request.path.startswith(url)})
    return {"site": SiteSettings.load(), "nav": nav}
