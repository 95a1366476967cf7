"""Pages that draw from several apps: the home page, search, and placeholders."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from areas.models import Area
from comparisons.models import ConsentDecree
from media_center.models import Announcement, Post
from policies.models import Policy


def home(request):
    """The home page: every section reads its words from the database."""
    context = {
        "announcement": Announcement.objects.active().first(),
        "areas": Area.objects.all(),
        "decrees": ConsentDecree.objects.for_home(),
        "posts": Post.objects.published()[:3],
        "open_policies": Policy.objects.open_for_comment().order_by("closes_on", "title"),
    }
    return render(request, "reform_site/home.html", context)


def placeholder(heading):
    """A view for a section that a later piece of work fills."""

    def view(request, *args, **kwargs):
        return render(request, "placeholder.html", {"heading": heading})

    return view


search = placeholder(_("Search"))
