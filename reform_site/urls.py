"""The site's URL map.

Pages residents read are in every language: English without a prefix
(``/areas/``), the others under their code (``/es/areas/``). Nothing redirects
by the browser's language, so a shared link shows the language it names.
What machines and staff use (the admin, the sitemap, robots.txt, the editor's
endpoints) has one address.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path
from django.views.generic import RedirectView
from two_factor.urls import urlpatterns as two_factor_urls

from core.staff import staff_only
from core.views import markdown_preview, theme_css
from media_center.views import EditorImageUploadView

from . import views
from .sitemap import sitemap_xml
from .staff_views import StaffDisableView, StaffProfileView
from .uploads import serve_upload


def two_factor_patterns():
    """django-two-factor-auth's pages, with the site's own profile and turn-off pages."""
    own = {"profile": StaffProfileView, "disable": StaffDisableView}
    patterns, app_name = two_factor_urls
    return [
        path(str(pattern.pattern), own[pattern.name].as_view(), name=pattern.name)
        if pattern.name in own
        else pattern
        for pattern in patterns
    ], app_name


urlpatterns = [
    # Files for machines, the same in every language: outside the language prefix.
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("theme.css", theme_css, name="theme_css"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("security.txt", RedirectView.as_view(pattern_name="security_txt", permanent=True)),
    # The editor's preview and image upload are for staff only; uploads get the
    # same checks and metadata stripping as a post's cover image.
    path("markdownx/markdownify/", markdown_preview, name="markdownx_markdownify"),
    path(
        "markdownx/upload/",
        staff_only(EditorImageUploadView.as_view()),
        name="markdownx_upload",
    ),
    # Staff sign-in: password, then a code from an authenticator app (or a backup code).
    path("admin/", include(two_factor_patterns())),  # under /admin/account/
    # Signing out works before the second factor too (the admin's own sign-out needs it).
    path("admin/account/logout/", LogoutView.as_view(), name="staff_logout"),
    path("admin/", admin.site.urls),
    # Uploads: the front server's on a shared disk; this view's in object storage or debug.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_upload, name="upload"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("", include("areas.urls")),
    path("media-center/", include("media_center.urls")),
    path("", include("policies.urls")),
    path("feedback/", include("feedback.urls")),
    path("comparisons/", include("comparisons.urls")),
    path("events/", include("events.urls")),
    path("alerts/", include("alerts.urls")),
    prefix_default_language=False,
)
