"""``{% fragment "name" part … [timed] %}…{% endfragment %}``: a costly part of a template, built once.

What the tag holds is rendered once per content version, language and
``parts`` (``core.fragments.cached``) and kept in the shared cache; with
``timed`` it also holds only until time alone next changes a page (a
scheduled post going public, a comment window closing). What is inside must
depend on nothing else: no form, no CSRF token, nothing about the visitor.
Whatever changes it (a page number, a filter, a sort order) goes in ``parts``.
"""

from django import template

from core import fragments

register = template.Library()


class FragmentNode(template.Node):
    """What the tag holds, rendered through ``fragments.cached``."""

    def __init__(self, nodelist, name, parts, timed):
        self.nodelist, self.name, self.parts, self.timed = nodelist, name, parts, timed

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        name = f"template-{self.name.resolve(context)}"
        return fragments.cached(
            name, lambda: self.nodelist.render(context), *parts, timed=self.timed
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    timed = bits[-1] == "timed"
    if timed:
        bits.pop()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name: {{% fragment 'name' %}}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, parts, timed)
