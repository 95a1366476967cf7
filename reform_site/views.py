"""Pages that draw from several apps: the home page, search, and placeholders."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from areas.figures import areas_with_standing
from comparisons.models import ConsentDecree
from media_center.models import Announcement, Post


def home(request):
    """The home page: every section reads its words from the database."""
    context = {
        "announcement": Announcement.objects.active().first(),
        "areas": areas_with_standing(),
        "decrees": ConsentDecree.objects.filter(show_on_home=True),
        "posts": Post.objects.published()[:3],
    }
    return render(request, "reform_site/home.html", context)


def placeholder(heading):
    """A view for a section that a later piece of work fills."""

    def view(request, *args, **kwargs):
        return render(request, "placeholder.html", {"heading": heading})

    return view


search = placeholder(_("Search"))
