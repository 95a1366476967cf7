"""The Media Center's feeds: RSS 2.0 and Atom, of published posts only."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.models import SiteSettings

from .models import Post

FEED_LENGTH = 20


class RssPostsFeed(Feed):
    """The latest published posts, newest first."""

    link = reverse_lazy("media_center:list")

    def title(self):
        site = SiteSettings.load()
        return _("%(site)s: Media Center") % {"site": site.site_name}

    def description(self):
        site = SiteSettings.load()
        return site.media_card_text or _("News, press releases, updates and events.")

    def author_name(self):
        # Atom requires an author; the site speaks for itself.
        return SiteSettings.load().site_name

    def items(self):
        return Post.objects.published()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read descriptions as HTML; the summary is plain text.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        # A post edited before its scheduled time was not updated as far as readers know.
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return [item.get_category_display()]


class AtomPostsFeed(RssPostsFeed):
    """The same posts as an Atom feed."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
