"""Marking staff-written text that is shown in another language than the page's.

``<p{{ area|lang_attr:"summary" }}>{{ area.summary }}</p>`` adds ``lang="en"``
when the Spanish summary is empty and the English one is shown, so a screen
reader reads it in an English voice; ``{% untranslated_note area "title" "summary" %}``
adds a short note, in the page's language, when any of those fields is.
"""

from django import template
from django.utils.html import format_html

from core.i18n import (
    DEFAULT_LANGUAGE,
    current_language,
    shown_language,
    untranslated,
    untranslated_note_text,
)

register = template.Library()


@register.filter
def lang_attr(obj, field):
    """`` lang="en"`` when ``obj.<field>`` is shown in a language other than the page's."""
    code = shown_language(obj, field)
    if code and code != current_language():
        return format_html(' lang="{}"', code)
    return ""


@register.simple_tag
def source_lang():
    """`` lang="en"`` on a page in another language, for text that is only ever in English:
    the decree's own paragraphs, the monitor's report titles and notes, research notes."""
    if current_language() != DEFAULT_LANGUAGE:
        return format_html(' lang="{}"', DEFAULT_LANGUAGE)
    return ""


@register.simple_tag
def untranslated_note(obj, *fields):
    """A note that these fields of ``obj`` are not translated yet, when any of them is not."""
    code = untranslated(obj, *fields)
    if not code:
        return ""
    return format_html('<p class="untranslated-note">{}</p>', untranslated_note_text(code))
