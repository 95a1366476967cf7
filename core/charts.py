"""Geometry for the site's server-drawn SVG bar charts; templates only draw it.

Every chart on the site is horizontal bars against a linear scale, with
gridlines and their labels, and words printed beside each bar. The apps map
their figures onto these pieces (``areas.charts``, ``comparisons.charts``), so
the arithmetic of scales, ticks and bars is written once.
"""

import math
from dataclasses import dataclass, field


@dataclass
class Tick:
    """A gridline at ``x`` with its label, printed at height ``y``."""

    x: float
    label: str
    y: float = 0


@dataclass
class Bar:
    """One bar, the words beside it, and what it stands for (``item``: a level, a decree)."""

    item: object
    x: float
    y: float
    width: float
    height: float
    text: str = ""
    text_x: float = 0
    text_y: float = 0
    missing: bool = False  # no figure: no bar, only the words
    striped: bool = False  # drawn with a pattern that marks it out (still running, unverified)


@dataclass
class Chart:
    """A drawing of ``width`` × ``height`` units: its rows of bars and its gridlines."""

    width: float
    height: float
    rows: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    plot_top: float = 0
    plot_bottom: float = 0

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def rounded(value):
    """Coordinates to a tenth of a unit: finer than any screen shows, shorter SVG."""
    return round(value, 1)


@dataclass
class LinearScale:
    """Maps values from ``low`` to ``high`` onto drawing units from ``left`` to ``right``."""

    left: float
    right: float
    high: float
    low: float = 0

    def x(self, value):
        share = (value - self.low) / (self.high - self.low) if self.high != self.low else 0
        return rounded(self.left + share * (self.right - self.left))

    def length(self, value):
        """The length of a bar from ``low`` to ``value``, never below zero."""
        return max(self.x(value) - self.left, 0)

    def ticks(self, values, label=str, y=0):
        return [Tick(self.x(value), label(value), y) for value in values]


def nice_maximum(largest):
    """A round axis maximum at or above ``largest``, and a tick step for it (about five ticks)."""
    for step in (10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if largest <= step * 5:
            return max(step, math.ceil(largest / step) * step), step
    step = 10 ** len(str(largest))
    return math.ceil(largest / step) * step, step


def year_step(span):
    """A step between year gridlines so that a span of ``span`` years gets at most eight."""
    return next(step for step in (1, 2, 5, 10, 20, 50, 100) if span / step <= 8)
