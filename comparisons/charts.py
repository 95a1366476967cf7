"""The comparison page's charts, a timeline and paragraph counts, on ``core.charts``.

Each chart is plain geometry computed here and drawn as inline SVG by a
template, with no script. Every bar is also a row of a data table under the
chart, built from the same rows, so the picture and its text alternative cannot
disagree.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import charts

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


class DecreeBar(charts.Bar):
    """A decree's row: its bar, its city on the left and its figure in words on the right."""

    @property
    def decree(self):
        return self.item

    @property
    def row_y(self):
        return self.y - (ROW_HEIGHT - BAR_HEIGHT) / 2

    @property
    def city_y(self):
        # The site's own decree takes two lines: its city, then a label saying so.
        return self.row_y + 15 if self.decree.is_own_decree else self.text_y

    @property
    def own_label_y(self):
        return self.row_y + 30


class Chart(charts.Chart):
    """Rows of decree bars under an axis, with the layout both comparison charts share."""

    label_right = LABEL_RIGHT
    value_left = VALUE_LEFT
    row_height = ROW_HEIGHT
    bar_height = BAR_HEIGHT

    def __init__(self, bars, ticks):
        plot_bottom = TOP + len(bars) * ROW_HEIGHT
        super().__init__(
            width=WIDTH,
            height=plot_bottom + BOTTOM,
            rows=bars,
            ticks=ticks,
            plot_top=TOP,
            plot_bottom=plot_bottom,
        )

    @property
    def bars(self):
        return self.rows

    @staticmethod
    def bar(decree, index, x, width, text, striped):
        row_y = TOP + index * ROW_HEIGHT
        return DecreeBar(
            item=decree,
            x=x,
            y=row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
            width=width,
            height=BAR_HEIGHT,
            text=text,
            text_x=VALUE_LEFT,
            text_y=row_y + ROW_HEIGHT / 2 + 5,
            striped=striped,
        )


class Timeline(Chart):
    """One bar per decree from the day it took effect to its end, or to today."""

    def __init__(self, decrees, today):
        self.today = today
        decrees = sorted(decrees, key=lambda decree: (decree.entered, decree.city.casefold()))
        first_year = decrees[0].entered.year if decrees else today.year
        self.start = datetime.date(first_year, 1, 1)
        self.end = datetime.date(today.year + 1, 1, 1)
        self.scale = charts.LinearScale(PLOT_LEFT, PLOT_RIGHT, (self.end - self.start).days)
        bars = []
        for index, decree in enumerate(decrees):
            left = self.x(decree.entered)
            right = self.x(decree.end_or_today(today))
            # A decree of a few days still shows as a sliver.
            width = max(charts.rounded(right - left), 2)
            bars.append(
                self.bar(decree, index, left, width, self.bar_text(decree, today), decree.is_active)
            )
        step = charts.year_step(self.end.year - self.start.year)
        first = -(-self.start.year // step) * step
        ticks = [
            charts.Tick(self.x(datetime.date(year, 1, 1)), str(year), TOP - 12)
            for year in range(first, self.end.year, step)
        ]
        super().__init__(bars, ticks)

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
        largest = max((decree.paragraph_count for decree in known), default=0)
        self.maximum, step = charts.nice_maximum(largest)
        scale = charts.LinearScale(PLOT_LEFT, PLOT_RIGHT, self.maximum)
        bars = [
            self.bar(
                decree,
                index,
                PLOT_LEFT,
                scale.length(decree.paragraph_count or 0),
                self.bar_text(decree),
                decree.paragraph_count_unverified,
            )
            for index, decree in enumerate(known + unknown)
        ]
        ticks = scale.ticks(range(0, self.maximum + 1, step), y=TOP - 12)
        super().__init__(bars, ticks)

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
