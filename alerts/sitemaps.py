"""The alerts' part of /sitemap.xml: the subscription page (the rest are personal links)."""

from core.sitemap_pages import PagesSitemap

SITEMAPS = {"alerts": PagesSitemap(["alerts:subscribe"])}
