"""The comparison's part of /sitemap.xml: the comparison and every decree."""

from django.contrib.sitemaps import GenericSitemap

from core.sitemap_pages import PagesSitemap

from .models import ConsentDecree

SITEMAPS = {
    "comparisons_pages": PagesSitemap(["comparisons:list"]),
    "decrees": GenericSitemap({"queryset": ConsentDecree.objects.all()}, changefreq="monthly"),
}
