"""What changed in a draft's text after it was posted, read from its change history.

Residents commenting on a draft should see what moved during the comment
window. ``text_changes`` reads the policy's history in one query, whatever
its length, and compares each version of the title, summary and text with
the one before it (``core.textdiff``).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.textdiff import diff_passages

# The words residents read, with the names the page gives them.
TEXT_FIELDS = [("title", _("Title")), ("summary", _("Summary")), ("body", _("Text"))]


@dataclass
class TextChange:
    """One saved version that changed the words: when, and the passages per part of the text."""

    changed_at: object
    parts: list = field(default_factory=list)  # (label, [passage, …])


@dataclass
class TextHistory:
    """When the draft was posted, when its words last changed, and each change since."""

    posted_at: object = None
    changes: list = field(default_factory=list)  # newest first

    @property
    def last_changed_at(self):
        return self.changes[0].changed_at if self.changes else None


def text_changes(policy):
    """The draft's ``TextHistory``: changes to its words from its first published version on.

    A policy published before its history was kept counts as posted when it was created.
    """
    names = [name for name, _label in TEXT_FIELDS]
    versions = policy.history.order_by("history_date", "history_id").only(
        "history_date", "is_published", *names
    )
    history = TextHistory()
    previous = None
    for version in versions:
        if history.posted_at is None:
            if not version.is_published:
                continue
            history.posted_at = version.history_date
            previous = version
            continue
        parts = [
            (label, diff_passages(getattr(previous, name), getattr(version, name)))
            for name, label in TEXT_FIELDS
            if getattr(previous, name) != getattr(version, name)
        ]
        if parts:
            history.changes.append(TextChange(version.history_date, parts))
        previous = version
    if history.posted_at is None and policy.is_published:
        history.posted_at = policy.created
    history.changes.reverse()
    return history
