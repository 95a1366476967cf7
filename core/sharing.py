"""What a page tells search engines and link previews about itself: its address and picture.

Absolute addresses are built from the request, as robots.txt and the sitemap
build theirs: the host is one of ALLOWED_HOSTS, and behind a proxy the scheme
comes from SECURE_PROXY_SSL_HEADER (``X-Forwarded-Proto``).
"""

from dataclasses import dataclass


def canonical_url(request):
    """The page's one address for search engines.

    Its path, plus ``?page=N`` for a later page of a list. A filtered, sorted or
    searched view (any other parameter) is a variant of the whole list, so it
    names the list itself, as search engines advise.
    """
    path = request.path
    page = request.GET.get("page", "")
    if set(request.GET) == {"page"} and page.isascii() and page.isdigit() and len(page) < 10:
        page = int(page)
    if isinstance(page, int) and page > 1:
        path += f"?page={page}"
    return request.build_absolute_uri(path)


@dataclass(frozen=True)
class SharedImage:
    """The picture a link preview shows (``og:image``), with its size and description."""

    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/webp"

    @classmethod
    def from_url(cls, request, url, width, height, alt, mime_type="image/webp"):
        """A picture at ``url`` (site-relative or absolute), made absolute for the card."""
        return cls(request.build_absolute_uri(url), width, height, alt, mime_type)
