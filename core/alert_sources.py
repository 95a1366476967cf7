"""What an app announces by email: its alert topics and sources, in its own ``alerts`` module.

An app whose content residents can hear about by email says so in an
``alerts`` module with two lists, found like ``search`` and ``sitemaps``
(``core.registry.app_modules``), so the alerts app names no other app's fields:

- ``TOPICS``: what a resident can tick on the subscription form (``Topic``);
- ``SOURCES``: when an item is worth announcing, and what the email says (``AlertSource``).

An item is announced once per source: the first time it is due, whether a
staff member published it (the alerts app watches saves of the source's
model) or its time came (the sender asks ``became_due`` on each run).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """Something a resident can choose to hear about, such as drafts open for comment."""

    key: str  # stored with each subscription: never rename one that is in use
    label: str
    help_text: str = ""
    order: int = 100  # lower comes first on the form


@dataclass(frozen=True)
class AlertMessage:
    """What one email about one item says, in the language active when it is made."""

    subject: str
    title: str
    lines: tuple  # short paragraphs of plain text
    link_text: str
    path: str  # the item's address on the site, from reverse() or get_absolute_url()


@dataclass(frozen=True)
class AlertSource:
    """One reason to email subscribers about an item, such as a draft opening for comment.

    ``due(now)`` is every item this source would announce at ``now`` (a QuerySet
    built on the app's own visibility rules); the sender checks it again just
    before each email goes out, so nothing unpublished in the meantime is sent.
    ``became_due(start, end)`` (optional) gives the due items whose own time
    came in (start, end], such as a scheduled post; items that become due only
    when staff save them need none. ``areas(item)`` gives the item's area ids:
    subscribers who limited their alerts to some areas hear about items of those
    areas and about items tied to no area (news about the whole decree).
    ``message(item)`` is called in each subscriber's language.

    ``follows`` names a source that must have announced the item first (a
    cancellation follows the announcement of the event). ``quiet_after`` is
    (another source's key, a timedelta): when that source announced the item
    less than that long ago, this one stays silent but counts as announced (no
    reminder a day after the first email).
    """

    key: str  # stored with each announcement: never rename one that is in use
    topic: str
    due: Callable[[datetime.datetime], object]
    message: Callable[[object], AlertMessage]
    became_due: Callable[[datetime.datetime, datetime.datetime], Iterable] | None = None
    areas: Callable[[object], Iterable[int]] | None = None
    follows: str = ""
    quiet_after: tuple[str, datetime.timedelta] | None = None

    @property
    def model(self):
        """The model whose items this source announces."""
        return self.due(None).model
