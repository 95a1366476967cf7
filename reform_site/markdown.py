"""The one place Markdown becomes HTML.

Every Markdown field on the site, and the admin editor's preview, goes through
``render_markdown``. Its output is sanitized with nh3 against an allowlist, so
templates may mark it safe.
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li",
    "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_EXTENSIONS = ["extra", "sane_lists", "smarty"]


def render_markdown(text):
    """Return sanitized HTML for Markdown ``text`` (empty string for none).

    Headings start at h2 in practice because every page has its own h1; a
    stray h1 in the source is turned into h2 so the page keeps one h1.
    """
    if not text:
        return ""
    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
