"""The sitemap piece every app uses for its own fixed pages (lists, forms)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PagesSitemap(Sitemap):
    """Pages with no object behind them, named by URL name."""

    changefreq = "weekly"
    priority = 0.8

    def __init__(self, names):
        self.names = names
        super().__init__()

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)
