"""The sitemap: the home page and every app's own part (its ``sitemaps.SITEMAPS``)."""

from core.registry import app_modules
from core.sitemap_pages import PagesSitemap


def sitemaps():
    """{section: sitemap} for /sitemap.xml, the home page first."""
    found = {"home": PagesSitemap(["home"])}
    for module in app_modules("sitemaps"):
        found.update(module.SITEMAPS)
    return found
