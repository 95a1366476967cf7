"""The sitemap: the home page and every app's own part (its ``sitemaps.SITEMAPS``).

With more than one language in LANGUAGES, every page is listed in each
language with ``hreflang`` alternates (Django's ``Sitemap.i18n`` and
``alternates``); each address is whatever ``reverse()`` and
``get_absolute_url()`` give with that language active.
"""

import copy

from django.conf import settings
from django.contrib.sitemaps import views

from core.fragments import kept_view
from core.registry import app_modules
from core.sitemap_pages import PagesSitemap


def sitemaps():
    """{section: sitemap} for /sitemap.xml, the home page first, each ready for the languages."""
    found = {"home": PagesSitemap(["home"])}
    for module in app_modules("sitemaps"):
        found.update(module.SITEMAPS)
    return {section: in_every_language(sitemap) for section, sitemap in found.items()}


def in_every_language(sitemap):
    """``sitemap`` (a class or an instance) as an instance listing each language, if there are several."""
    # A copy: the apps' sitemaps are shared by every request.
    sitemap = sitemap() if isinstance(sitemap, type) else copy.copy(sitemap)
    several = len(settings.LANGUAGES) > 1
    sitemap.i18n = sitemap.alternates = sitemap.x_default = several
    return sitemap


@kept_view("sitemap")
def sitemap_xml(request):
    """/sitemap.xml, built once per content version and scheduled change (every post and
    policy, in every language, is costly to list) for the settings in force."""
    return views.sitemap(request, sitemaps=sitemaps())
