"""The feedback page in /sitemap.xml."""

from core.sitemap_pages import PagesSitemap

SITEMAPS = {"feedback": PagesSitemap(["feedback:form"])}
