"""Template filters for the comparison pages."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def breakable_host(host):
    """A host name that may wrap before each dot, so long names fit a narrow column."""
    return mark_safe("<wbr>.".join(escape(part) for part in host.split(".")))
