"""The site's URL map."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from core.views import markdown_preview, theme_css
from media_center.views import EditorImageUploadView

from . import views
from .sitemap import sitemaps

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("theme.css", theme_css, name="theme_css"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
    path("", include("areas.urls")),
    path("media-center/", include("media_center.urls")),
    path("", include("policies.urls")),
    path("feedback/", include("feedback.urls")),
    path("comparisons/", include("comparisons.urls")),
    # The editor's preview and image upload are for staff only; uploads get the
    # same checks and metadata stripping as a post's cover image.
    path("markdownx/markdownify/", markdown_preview, name="markdownx_markdownify"),
    path(
        "markdownx/upload/",
        staff_member_required(EditorImageUploadView.as_view()),
        name="markdownx_upload",
    ),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [path("uploads/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
