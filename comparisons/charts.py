"""The comparison page's charts, a timeline and paragraph counts, on ``core.charts``.

Each chart is plain geometry computed here and drawn as inline SVG by a
template, with no script. Every bar is also a row of a data table under the
chart, built from the same rows, so the picture and its text alternative cannot
disagree.
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import charts


@dataclass(frozen=True)
class Layout:
    """Where a decree row's parts go, in drawing units (the SVG scales to the page)."""

    width: float
    plot_left: float
    plot_right: float
    top: float  # the first row starts here, under the axis labels
    row_height: float
    bar_offset: float  # from the top of a row to its bar
    bar_height: float
    font: float
    narrow: bool
    most_ticks: int


# Wide: the city left of the bar, its figure in words right of it.
WIDE = Layout(820, 156, 560, 34, 36, 9, 18, 13, False, 8)
# Narrow (a phone): the city above the bar, its figure below it, across the width.
NARROW = Layout(charts.NARROW_WIDTH, 8, charts.NARROW_WIDTH - 8, 30, 66, 22, 14, 15, True, 4)
LABEL_RIGHT = 146  # wide: city names end here
VALUE_LEFT = 572  # wide: the figures in words start here
BOTTOM = 30


@dataclass
class DecreeBar(charts.Bar):
    """A decree's row: its bar, its city and its figure in words."""

    row_y: float = 0
    city_x: float = 0
    city_y: float = 0
    city_anchor: str = "end"
    own_label_y: float = 0

    @property
    def decree(self):
        return self.item


class Chart(charts.Chart):
    """Rows of decree bars under an axis, drawn wide or narrow (``layout``)."""

    def __init__(self, bars, ticks, layout):
        self.layout = layout
        plot_bottom = layout.top + len(bars) * layout.row_height
        super().__init__(
            width=layout.width,
            height=plot_bottom + BOTTOM,
            rows=bars,
            ticks=ticks,
            plot_top=layout.top,
            plot_bottom=plot_bottom,
            font=layout.font,
            narrow=layout.narrow,
        )

    @property
    def bars(self):
        return self.rows

    @property
    def row_height(self):
        return self.layout.row_height

    @property
    def bar_height(self):
        return self.layout.bar_height

    def bar(self, decree, index, x, width, text, striped):
        layout = self.layout
        row_y = layout.top + index * layout.row_height
        bar_y = row_y + layout.bar_offset
        own = decree.is_own_decree
        if layout.narrow:
            # City (and "this site's decree") on one line above the bar, the figure below it.
            city = (layout.plot_left, row_y + layout.font + 2, "start")
            text_x, text_y = layout.plot_left, bar_y + layout.bar_height + layout.font + 2
            own_label_y = city[1]
        else:
            # The site's own decree takes two lines: its city, then a label saying so.
            middle = row_y + layout.row_height / 2 + 5
            city = (LABEL_RIGHT, row_y + 15 if own else middle, "end")
            text_x, text_y = VALUE_LEFT, middle
            own_label_y = row_y + 30
        return DecreeBar(
            item=decree,
            x=x,
            y=bar_y,
            width=width,
            height=layout.bar_height,
            text=text,
            text_x=text_x,
            text_y=text_y,
            striped=striped,
            row_y=row_y,
            city_x=city[0],
            city_y=city[1],
            city_anchor=city[2],
            own_label_y=own_label_y,
        )


class Timeline(Chart):
    """One bar per decree from the day it took effect to its end, or to today."""

    def __init__(self, decrees, today, layout=WIDE):
        self.layout = layout
        self.today = today
        decrees = sorted(decrees, key=lambda decree: (decree.entered, decree.city.casefold()))
        first_year = decrees[0].entered.year if decrees else today.year
        self.start = datetime.date(first_year, 1, 1)
        self.end = datetime.date(today.year + 1, 1, 1)
        days = (self.end - self.start).days
        self.scale = charts.LinearScale(layout.plot_left, layout.plot_right, days)
        bars = []
        for index, decree in enumerate(decrees):
            left = self.x(decree.entered)
            right = self.x(decree.end_or_today(today))
            # A decree of a few days still shows as a sliver.
            width = max(charts.rounded(right - left), 2)
            bars.append(
                self.bar(decree, index, left, width, self.bar_text(decree, today), decree.is_active)
            )
        step = charts.year_step(self.end.year - self.start.year, layout.most_ticks)
        first = -(-self.start.year // step) * step
        ticks = [
            charts.Tick(self.x(datetime.date(year, 1, 1)), str(year), layout.top - 12)
            for year in range(first, self.end.year, step)
        ]
        super().__init__(bars, ticks, layout)

    def x(self, day):
        return self.scale.x((day - self.start).days)

    @property
    def today_x(self):
        return self.x(self.today)

    @property
    def today_label(self):
        return _("Today, %(date)s") % {"date": date_format(self.today, "SHORT_DATE_FORMAT")}

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

    def __init__(self, decrees, layout=WIDE):
        self.layout = layout
        known = sorted(
            (decree for decree in decrees if decree.paragraph_count),
            key=lambda decree: (-decree.paragraph_count, decree.city.casefold()),
        )
        unknown = sorted(
            (decree for decree in decrees if not decree.paragraph_count),
            key=lambda decree: decree.city.casefold(),
        )
        self.known_count = len(known)
        largest = max((decree.paragraph_count for decree in known), default=0)
        self.maximum, step = charts.nice_maximum(largest)
        scale = charts.LinearScale(layout.plot_left, layout.plot_right, self.maximum)
        if layout.narrow and self.maximum // step > layout.most_ticks:
            step *= 2
        bars = [
            self.bar(
                decree,
                index,
                layout.plot_left,
                scale.length(decree.paragraph_count or 0),
                self.bar_text(decree),
                decree.paragraph_count_unverified,
            )
            for index, decree in enumerate(known + unknown)
        ]
        ticks = scale.ticks(range(0, self.maximum + 1, step), y=layout.top - 12)
        super().__init__(bars, ticks, layout)

    @staticmethod
    def bar_text(decree):
        if not decree.paragraph_count:
            return _("count not known")
        text = ngettext("%(count)s paragraph", "%(count)s paragraphs", decree.paragraph_count) % {
            "count": decree.paragraph_count
        }
        if decree.paragraph_count_unverified:
            text = _("%(count)s (not confirmed)") % {"count": text}
        return text

    @property
    def title(self):
        return _(
            "Number of paragraphs in each decree, for the %(known)s of %(count)s decrees "
            "whose count is known. Striped bars are counts not yet confirmed by a source. The table "
            "after the chart gives the same figures."
        ) % {"known": self.known_count, "count": len(self.bars)}
