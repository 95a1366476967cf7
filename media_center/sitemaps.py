"""The Media Center's part of /sitemap.xml: its list and every published post."""

from django.contrib.sitemaps import Sitemap

from core.sitemap_pages import PagesSitemap

from .models import Post


class PostSitemap(Sitemap):
    """Published posts, through ``Post.objects.published()``."""

    changefreq = "monthly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)


SITEMAPS = {"media_center": PagesSitemap(["media_center:list"]), "posts": PostSitemap}
