"""Sitemap of published posts, for whoever wires up /sitemap.xml."""

from django.contrib.sitemaps import Sitemap

from .models import Post


class PostSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)
