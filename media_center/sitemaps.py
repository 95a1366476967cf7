"""The Media Center's part of /sitemap.xml: its list, every published post and the banner's page."""

from django.contrib.sitemaps import Sitemap

from core.sitemap_pages import PagesSitemap

from .models import Announcement, Post


class PostSitemap(Sitemap):
    """Published posts, through ``Post.objects.published()``."""

    changefreq = "monthly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return max(post.updated_at, post.published_at)


class AnnouncementSitemap(Sitemap):
    """The announcements showing now, through ``Announcement.objects.active()``."""

    changefreq = "daily"

    def items(self):
        return Announcement.objects.active()


SITEMAPS = {
    "media_center": PagesSitemap(["media_center:list"]),
    "posts": PostSitemap,
    "announcements": AnnouncementSitemap,
}
