"""The events' part of /sitemap.xml: the list and every published event."""

from django.contrib.sitemaps import Sitemap

from core.sitemap_pages import PagesSitemap

from .models import Event


class EventSitemap(Sitemap):
    """Published events, through ``Event.objects.published()``."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at", "pk")

    def lastmod(self, event):
        return event.updated


SITEMAPS = {"events_pages": PagesSitemap(["events:list"]), "events": EventSitemap}
