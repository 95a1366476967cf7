"""The sitemap: every public page, through each app's own visibility rules."""

from django.contrib.sitemaps import GenericSitemap, Sitemap
from django.urls import reverse

from areas.models import Area
from comparisons.models import ConsentDecree
from media_center.sitemaps import PostSitemap
from policies.models import Policy


class SectionSitemap(Sitemap):
    """The section pages themselves."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "home",
            "areas:list",
            "areas:progress",
            "media_center:list",
            "policies:list",
            "policies:documents",
            "feedback:form",
            "comparisons:list",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "sections": SectionSitemap,
    "areas": GenericSitemap({"queryset": Area.objects.all()}, changefreq="monthly"),
    "posts": PostSitemap,
    "policies": GenericSitemap({"queryset": Policy.objects.published()}, changefreq="weekly"),
    "decrees": GenericSitemap({"queryset": ConsentDecree.objects.all()}, changefreq="monthly"),
}
