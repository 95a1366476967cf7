"""Readable, accessible word-by-word differences between two versions of a text.

Used by the admin's change history and by the public page of a draft policy.
Each change is a short passage (a few words of context either side) in which
removed words are in ``<del>`` and added words in ``<ins>``, each opened by a
visually hidden label ("removed:", "added:") and closed by one ("end of
removal"), so that a screen reader says what changed and nobody relies on
colour: the stylesheet also strikes removed words through and underlines added ones.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Words and the spaces between them: joining the tokens gives the text back.
_TOKEN = re.compile(r"\s+|\S+")
CONTEXT_WORDS = 8
_SPACE = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


def _tokens(text):
    return _TOKEN.findall(text or "")


def _marked(tag, text, label, end_label):
    """``text`` inside ``tag`` with its labels; the spaces around it stay outside."""
    lead, words, trail = _SPACE.match(text).groups()
    if not words:
        return text
    return (
        f'{lead}<{tag}><span class="visually-hidden">{escape(label)} </span>{escape(words)}'
        f'<span class="visually-hidden"> {escape(end_label)}</span></{tag}>{trail}'
    )


def _context(words, *, leading, trailing):
    text = escape("".join(words))
    return ("… " if leading else "") + text + (" …" if trailing else "")


def diff_passages(old, new, context=CONTEXT_WORDS):
    """The changes from ``old`` to ``new``: a list of HTML passages, empty when equal.

    The passages are safe to show: every word of either text is escaped.
    """
    before, after = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    passages = []
    # Words and spaces are tokens of their own: twice as many tokens as words of context.
    for group in matcher.get_grouped_opcodes(context * 2):
        html = []
        for index, (op, i1, i2, j1, j2) in enumerate(group):
            if op == "equal":
                html.append(
                    _context(
                        before[i1:i2],
                        leading=index == 0 and i1 > 0,
                        trailing=index == len(group) - 1 and i2 < len(before),
                    )
                )
                continue
            removed = _marked("del", "".join(before[i1:i2]), _("removed:"), _("end of removal"))
            added = _marked("ins", "".join(after[j1:j2]), _("added:"), _("end of addition"))
            html.append(f"{removed} {added}" if i1 < i2 and j1 < j2 else removed + added)
        passages.append(mark_safe("".join(html).strip()))  # every word escaped above
    return passages
