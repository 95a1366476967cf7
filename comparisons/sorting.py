"""The comparison table's orders: one per column, chosen with ``?sort=column``.

A leading ``-`` reverses the order. Sorting happens in Python on the one list the
page already loaded: the table shows every decree (there are dozens, not
thousands), and Python orders text the same way on SQLite and PostgreSQL.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .models import ConsentDecree

# Lifecycle order for the status column: still under the court first.
STATUS_RANK = {
    ConsentDecree.Status.ACTIVE: 0,
    ConsentDecree.Status.SUSTAINMENT: 1,
    ConsentDecree.Status.TERMINATED: 2,
}


def _text(field):
    """A case-blind text value; blank text sorts last either way."""
    return lambda decree, today: getattr(decree, field).casefold() or None


@dataclass(frozen=True)
class Column:
    """One sortable column of the comparison table."""

    key: str
    label: str
    name: str  # the column in a sentence: “Sorted by <name>, <order>.”
    ascending: str
    descending: str
    # The value to sort on; None means “not known” and always sorts last.
    value: Callable[[ConsentDecree, datetime.date], Any]


COLUMNS = [
    Column("city", _("City"), _("city"), _("A to Z"), _("Z to A"), _text("city")),
    Column(
        "department",
        _("Department"),
        _("department"),
        _("A to Z"),
        _("Z to A"),
        _text("department"),
    ),
    Column(
        "agreement_type",
        _("Agreement"),
        _("type of agreement"),
        _("A to Z"),
        _("Z to A"),
        _text("agreement_type"),
    ),
    Column(
        "entered",
        _("Entered"),
        _("date entered"),
        _("earliest first"),
        _("latest first"),
        lambda decree, today: decree.entered,
    ),
    Column(
        "ended",
        _("Ended"),
        _("date ended"),
        _("earliest first, active decrees last"),
        _("active decrees first, then latest"),
        # An active decree has not ended yet: it comes after every end date.
        lambda decree, today: decree.ended or datetime.date.max,
    ),
    Column(
        "years",
        _("Years in effect"),
        _("years in effect"),
        _("shortest first"),
        _("longest first"),
        lambda decree, today: decree.end_or_today(today) - decree.entered,
    ),
    Column(
        "paragraphs",
        _("Paragraphs"),
        _("number of paragraphs"),
        _("fewest first, unknown counts last"),
        _("most first, unknown counts last"),
        lambda decree, today: decree.paragraph_count,
    ),
    Column("monitor", _("Monitor"), _("monitor"), _("A to Z"), _("Z to A"), _text("monitor")),
    Column(
        "status",
        _("Status"),
        _("status"),
        _("active first"),
        _("terminated first"),
        lambda decree, today: STATUS_RANK.get(decree.status),
    ),
    Column(
        "sources",
        _("Sources"),
        _("number of sources"),
        _("fewest first"),
        _("most first"),
        lambda decree, today: len(decree.source_links),
    ),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}


@dataclass(frozen=True)
class Sort:
    """A column and a direction."""

    column: Column
    descending: bool = False

    @classmethod
    def default(cls):
        """Oldest decree first, the order of the timeline."""
        return cls(COLUMNS_BY_KEY["entered"])

    @classmethod
    def from_param(cls, value):
        """The order ``?sort=`` asks for, and whether it was understood.

        Anything unknown gives the default order, so a mistyped or stale link
        still shows the table.
        """
        if not value:
            return cls.default(), True
        column = COLUMNS_BY_KEY.get(value.removeprefix("-"))
        if column is None:
            return cls.default(), False
        return cls(column, descending=value.startswith("-")), True

    @property
    def param(self):
        return f"-{self.column.key}" if self.descending else self.column.key

    @property
    def order(self):
        return self.column.descending if self.descending else self.column.ascending

    @property
    def description(self):
        return _("Sorted by %(column)s, %(order)s.") % {
            "column": self.column.name,
            "order": self.order,
        }

    def apply(self, decrees, today):
        """Return ``decrees`` in this order; ties, and unknowns at the end, go by city."""
        by_city = sorted(decrees, key=lambda decree: (decree.city.casefold(), decree.pk or 0))
        values = [(self.column.value(decree, today), decree) for decree in by_city]
        known = [pair for pair in values if pair[0] is not None]
        # sort() is stable, also in reverse, so equal values stay in city order.
        known.sort(key=lambda pair: pair[0], reverse=self.descending)
        return [decree for _, decree in known] + [
            decree for value, decree in values if value is None
        ]

    def headers(self):
        """Each column's header: its link, and aria-sort on the sorted one."""
        headers = []
        for column in COLUMNS:
            current = column is self.column
            # A second click on the sorted column reverses it.
            follow = Sort(column, descending=current and not self.descending)
            headers.append(
                {
                    "column": column,
                    "param": follow.param,
                    "follow_order": follow.order,
                    "aria_sort": ("descending" if self.descending else "ascending")
                    if current
                    else "",
                }
            )
        return headers
