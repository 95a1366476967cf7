"""Server-drawn charts for the comparison page: a timeline and paragraph counts.

Each chart is plain geometry computed here and drawn as inline SVG by a
template, with no script. Every bar is also a row of a data table under the
chart, built from the same rows, so the picture and its text alternative cannot
disagree.
"""

import datetime
import math
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Drawing units (the SVG scales to the width of the page).
WIDTH = 820
LABEL_RIGHT = 146  # city names end here
PLOT_LEFT = 156
PLOT_RIGHT = 560
VALUE_LEFT = 572  # the figures in words start here
TOP = 34
ROW_HEIGHT = 36
BAR_HEIGHT = 18
BOTTOM = 30


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Bar:
    """One decree's row in a chart."""

    decree: object
    y: float
    width: float
    text: str
    x: float = PLOT_LEFT
    striped: bool = False

    @property
    def bar_y(self):
        return self.y + (ROW_HEIGHT - BAR_HEIGHT) / 2

    @property
    def text_y(self):
        return self.y + ROW_HEIGHT / 2 + 5

    @property
    def city_y(self):
        # The site's own decree takes two lines: its city, then a label saying so.
        return self.y + 15 if self.decree.is_own_decree else self.text_y

    @property
    def own_label_y(self):
        return self.y + 30


class Chart:
    """Geometry shared by both charts: rows of bars under an axis."""

    width = WIDTH
    label_right = LABEL_RIGHT
    plot_left = PLOT_LEFT
    plot_right = PLOT_RIGHT
    value_left = VALUE_LEFT
    top = TOP
    row_height = ROW_HEIGHT
    bar_height = BAR_HEIGHT

    def __init__(self, bars, ticks):
        self.bars = bars
        self.ticks = ticks

    @property
    def height(self):
        return self.top + len(self.bars) * self.row_height + BOTTOM

    @property
    def plot_bottom(self):
        return self.top + len(self.bars) * self.row_height

    @property
    def tick_label_y(self):
        return self.top - 12

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @staticmethod
    def row_y(index):
        return TOP + index * ROW_HEIGHT


def _round(value):
    return round(value, 1)


class Timeline(Chart):
    """One bar per decree from the day it took effect to its end, or to today."""

    def __init__(self, decrees, today):
        self.today = today
        decrees = sorted(decrees, key=lambda decree: (decree.entered, decree.city.casefold()))
        first_year = decrees[0].entered.year if decrees else today.year
        self.start = datetime.date(first_year, 1, 1)
        self.end = datetime.date(today.year + 1, 1, 1)
        bars = []
        for index, decree in enumerate(decrees):
            left = self.x(decree.entered)
            right = self.x(decree.end_or_today(today))
            bars.append(
                Bar(
                    decree=decree,
                    y=self.row_y(index),
                    x=left,
                    # A decree of a few days still shows as a sliver.
                    width=max(_round(right - left), 2),
                    text=self.bar_text(decree, today),
                    striped=decree.is_active,
                )
            )
        super().__init__(bars, self.year_ticks())

    def x(self, day):
        share = (day - self.start).days / (self.end - self.start).days
        return _round(PLOT_LEFT + share * (PLOT_RIGHT - PLOT_LEFT))

    @property
    def today_x(self):
        return self.x(self.today)

    @property
    def today_label(self):
        return _("Today, %(date)s") % {"date": date_format(self.today, "j M Y")}

    def year_ticks(self):
        span = self.end.year - self.start.year
        step = next(step for step in (1, 2, 5, 10, 20, 50) if span / step <= 8)
        first = math.ceil(self.start.year / step) * step
        return [
            Tick(self.x(datetime.date(year, 1, 1)), str(year))
            for year in range(first, self.end.year, step)
        ]

    @staticmethod
    def bar_text(decree, today):
        years = decree.years_in_effect(today)
        if decree.is_active:
            return _("%(span)s, %(years)s years so far") % {"span": decree.span, "years": years}
        return _("%(span)s, %(years)s years") % {"span": decree.span, "years": years}

    @property
    def title(self):
        return _(
            "Timeline of %(count)s police decrees, from %(start)s to today. Decrees that "
            "have ended are solid bars; decrees still in effect are striped and run to "
            "today. The table after the chart gives the same dates."
        ) % {"count": len(self.bars), "start": self.start.year}


class ParagraphChart(Chart):
    """One bar per decree, as long as its number of paragraphs; unknown counts last."""

    def __init__(self, decrees):
        known = sorted(
            (decree for decree in decrees if decree.paragraph_count),
            key=lambda decree: (-decree.paragraph_count, decree.city.casefold()),
        )
        unknown = sorted(
            (decree for decree in decrees if not decree.paragraph_count),
            key=lambda decree: decree.city.casefold(),
        )
        self.known_count = len(known)
        self.maximum, step = self.scale(max((d.paragraph_count for d in known), default=0))
        bars = []
        for index, decree in enumerate(known + unknown):
            count = decree.paragraph_count or 0
            bars.append(
                Bar(
                    decree=decree,
                    y=self.row_y(index),
                    width=max(_round(self.share(count) * (PLOT_RIGHT - PLOT_LEFT)), 0),
                    text=self.bar_text(decree),
                    striped=decree.paragraph_count_unverified,
                )
            )
        ticks = [
            Tick(_round(PLOT_LEFT + self.share(value) * (PLOT_RIGHT - PLOT_LEFT)), str(value))
            for value in range(0, self.maximum + 1, step)
        ]
        super().__init__(bars, ticks)

    def share(self, count):
        return count / self.maximum

    @staticmethod
    def scale(largest):
        """A round axis maximum at or above ``largest``, and a tick step for it."""
        for step in (10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000):
            if largest <= step * 5:
                return max(step, math.ceil(largest / step) * step), step
        step = 10 ** len(str(largest))
        return math.ceil(largest / step) * step, step

    @staticmethod
    def bar_text(decree):
        if not decree.paragraph_count:
            return _("count not known")
        text = ngettext("%(count)s paragraph", "%(count)s paragraphs", decree.paragraph_count) % {
            "count": decree.paragraph_count
        }
        if decree.paragraph_count_unverified:
            text = _("%(count)s (unverified)") % {"count": text}
        return text

    @property
    def title(self):
        return _(
            "Number of paragraphs in each decree, for the %(known)s of %(count)s decrees "
            "whose count is known. Striped bars are counts not yet verified. The table "
            "after the chart gives the same figures."
        ) % {"known": self.known_count, "count": len(self.bars)}
