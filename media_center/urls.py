"""Addresses of the Media Center: the list, feeds, posts and announcements."""

from django.urls import path

from core.fragments import kept_view

from . import feeds, views

app_name = "media_center"
urlpatterns = [
    path("", views.post_list, name="list"),
    # Kept whole per content change: twenty posts in a feed are costly to write out.
    path("feed/", kept_view("atom-feed")(feeds.AtomPostsFeed()), name="feed"),
    path("feed/rss/", kept_view("rss-feed")(feeds.RssPostsFeed()), name="feed_rss"),
    path("announcements/<slug:slug>/", views.announcement_detail, name="announcement"),
    path("<slug:slug>/", views.post_detail, name="detail"),
    path("<slug:slug>/preview/", views.post_preview, name="preview"),
]
