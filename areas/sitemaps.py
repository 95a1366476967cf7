"""The areas' part of /sitemap.xml: the list, the progress page and every area."""

from django.contrib.sitemaps import GenericSitemap

from core.sitemap_pages import PagesSitemap

from .models import Area

SITEMAPS = {
    "areas_pages": PagesSitemap(["areas:list", "areas:progress"]),
    "areas": GenericSitemap({"queryset": Area.objects.all()}, changefreq="monthly"),
}
