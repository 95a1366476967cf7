"""Views every part of the site shares: the CSRF failure page and the editor's preview."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_POST

from .markdown import render_markdown
from .models import SiteSettings
from .staff import staff_only


def gives_back_refused_forms(view):
    """Mark ``view`` as one that shows a form refused by the CSRF check again, text and all.

    The view sees ``request.csrf_refused`` set and must give the form back
    without storing anything. Apply it outermost (over ``never_cache`` and the like).
    """
    view.gives_back_refused_forms = True
    return view


def csrf_failure(request, reason=""):
    """Django's CSRF failure page, except that a form posted to its own page comes back.

    A security cookie that expired or was cleared while someone was writing must
    not cost them their text: the page they posted to shows the form again, on
    that page (a comment on a draft comes back on the draft's page), with a 403.
    """
    if request.method == "POST":
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match and getattr(match.func, "gives_back_refused_forms", False):
            request.csrf_refused = True
            response = match.func(request, *match.args, **match.kwargs)
            response.status_code = 403
            return response
    # Django's reason, in the site's layout and the page's language.
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


@staff_only
@require_POST
def markdown_preview(request):
    """The admin editor's preview, through the site's one sanitizing renderer."""
    return HttpResponse(render_markdown(request.POST.get("content", "")))


def theme_css(request):
    """The colours staff chose in the site settings, as a stylesheet (the CSP allows no inline style)."""
    site = SiteSettings.load()
    css = f":root {{ --brand: {site.accent_color}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
