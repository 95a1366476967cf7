"""The site's own pages (accessibility, privacy) in /sitemap.xml."""

from django.contrib.sitemaps import Sitemap

from .models import Page


class SitePageSitemap(Sitemap):
    """Every ``Page``, dated by its last edit."""

    changefreq = "monthly"

    def items(self):
        return Page.objects.all()

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"site_pages": SitePageSitemap}
