"""The policies' part of /sitemap.xml: the lists and every published draft."""

from django.contrib.sitemaps import GenericSitemap

from core.sitemap_pages import PagesSitemap

from .models import Policy

SITEMAPS = {
    "policies_pages": PagesSitemap(["policies:list", "policies:documents"]),
    "policies": GenericSitemap({"queryset": Policy.objects.published()}, changefreq="weekly"),
}
