"""The one place Markdown becomes HTML, and the model field that stores both.

Every Markdown field on the site (``MarkdownField``) and the admin editor's
preview go through ``render_markdown``. Its output is sanitized with nh3
against an allowlist, so templates may mark it safe.
"""

import re

import markdown
import nh3
from django.db import models
from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

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
MARKDOWN_HELP = _(
    "In Markdown: **bold**, *italic*, [words](https://link), a blank line between "
    "paragraphs, “- ” for a list. The preview shows how it will look."
)

# Raw HTML is passed through by Markdown, and an HTML parser reads some of it in
# ways that swallow what follows: the text after an unclosed <textarea>, <title>
# or <iframe> becomes that element's text, an unclosed comment or quoted
# attribute runs to the end. Before nh3 parses the page, every "<" must start a
# whole, ordinary tag; anything else is shown as the text it is.

# Elements whose content is dropped with them (when they are closed).
_DROPPED_WITH_CONTENT = {"script", "style"}
# Elements that change how a parser reads what follows: raw text, RCDATA,
# foreign content and insertion modes. Their tags are shown as text.
_PARSER_CHANGING = {
    "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    "plaintext", "template", "svg", "math", "select", "option", "optgroup",
    "frameset", "frame", "head", "body", "html",
}  # fmt: skip
_ATTRIBUTE = r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<\n]*"|'[^'<\n]*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(rf"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:{_ATTRIBUTE})*)\s*/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _closing_tag(name):
    return re.compile(rf"</{name}\s*>", re.IGNORECASE)


def neutralize_raw_html(html):
    """Leave only whole, ordinary tags in ``html``; every other "<" becomes text.

    Closed comments and closed <script>/<style> elements are dropped, an
    unclosed one loses its opening tag only; tags that change how an HTML
    parser reads the rest (<textarea>, <title>, <iframe>, …) are escaped.
    """
    out = []
    position = 0
    while (start := html.find("<", position)) != -1:
        out.append(html[position:start])
        if comment := _COMMENT.match(html, start):
            position = comment.end()
            continue
        tag = _TAG.match(html, start)
        if tag is None:
            out.append("&lt;")
            position = start + 1
            continue
        closing, name = tag.group(1), tag.group(2).lower()
        position = tag.end()
        if name in _DROPPED_WITH_CONTENT:
            end = None if closing else _closing_tag(name).search(html, position)
            if end:
                position = end.end()
        elif name in _PARSER_CHANGING:
            out.append(escape(tag.group(0)))
        else:
            out.append(tag.group(0))
    out.append(html[position:])
    return "".join(out)


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
        neutralize_raw_html(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


class MarkdownField(MarkdownxField):
    """Markdown source with the admin's editor and preview, rendered on save.

    Adds ``<name>_html`` beside itself: the sanitized HTML that pages show,
    written by ``render`` (``render_markdown`` unless a model needs more, such
    as responsive images) each time the record is saved. Migrations list that
    column as a field of its own, so it is only added to live models.

    Translated (``core.i18n.register_translated``), each language's copy
    (``body_es``) renders into that language's copy of the HTML (``body_html_es``).
    """

    def __init__(self, *args, render=render_markdown, rendered_field=True, **kwargs):
        self.render = render
        self.rendered_field = rendered_field
        super().__init__(*args, **kwargs)

    @property
    def html_name(self):
        original = getattr(self, "translated_field", None)  # set on a language's copy
        if original is not None:
            return f"{original.html_name}_{self.language.replace('-', '_')}"
        return f"{self.name}_html"

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        is_copy = hasattr(self, "translated_field")  # its HTML is a copy of the original's
        if self.rendered_field and not cls._meta.abstract and not is_copy:
            html = models.TextField(editable=False, blank=True)
            html.creation_counter = self.creation_counter + 0.5  # saved right after the source
            cls.add_to_class(self.html_name, html)

    def __copy__(self):
        # A shallow copy is another model's copy of this column (django-simple-history's
        # historical model), which copies the HTML column too and keeps it as it was saved.
        copied = super().__copy__()
        copied.rendered_field = False
        return copied

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        if "markdown" not in str(field.help_text).lower():
            # Staff should know the box takes Markdown, whatever the model's own help says.
            field.help_text = format_lazy("{} {}", field.help_text, MARKDOWN_HELP).strip()
        return field

    def pre_save(self, model_instance, add):
        source = super().pre_save(model_instance, add)
        if self.rendered_field:
            # Straight into the record: on a translated model, assigning the
            # attribute would write the page language's copy instead.
            model_instance.__dict__[self.html_name] = self.render(source)
        return source

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # The HTML column is a field of its own in migrations.
        kwargs["rendered_field"] = False
        return name, "core.markdown.MarkdownField", args, kwargs
