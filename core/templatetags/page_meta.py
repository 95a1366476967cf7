"""``{% capture %}``: a page's title and description, written once, used in several tags.

Pages fill ``{% block title %}`` and ``{% block description %}``; base.html
captures each once and uses it in ``<title>``, the meta description and the
sharing cards (Open Graph, Twitter), so the three never disagree.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


class CaptureNode(template.Node):
    """Renders its content into a context variable instead of the page."""

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Already escaped while rendering; folded to one line for attributes.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: keep the rendered content as ``name``."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
