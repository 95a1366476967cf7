"""Geometry for the site's server-drawn SVG bar charts; templates only draw it.

Every chart on the site is horizontal bars against a linear scale, with
gridlines and their labels, and words printed beside each bar. The apps map
their figures onto these pieces (``areas.charts``, ``comparisons.charts``), so
the arithmetic of scales, ticks and bars is written once.

Each chart comes in two layouts drawn from the same figures: a wide one, with
words beside the bars, and a narrow one for phones, with words above the bars,
so that no text is ever drawn smaller than about 13 CSS pixels (see
``NARROW_WIDTH``). Colours are not in the geometry: templates give each shape
a class, and the stylesheet colours it (and recolours it in forced-colors mode).
"""

import math
from dataclasses import dataclass, field

# The narrow layout is drawn this many units wide with text of NARROW_FONT units;
# on the narrowest phone (320 px, less 2 × 16 px of page margin) it is shown
# 288 px wide, so its text is at least 15 × 288 / 320 = 13.5 px.
NARROW_WIDTH = 320
NARROW_FONT = 15
# An average letter is about this share of the font size wide (system sans-serif).
LETTER_WIDTH = 0.56


@dataclass
class Tick:
    """A gridline at ``x`` with its label, printed at height ``y``, anchored as SVG says."""

    x: float
    label: str
    y: float = 0
    anchor: str = "middle"


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
    font: float = 14
    narrow: bool = False
    left: float = 0  # where labels start

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


def year_step(span, most=8):
    """A step between year gridlines so that a span of ``span`` years gets at most ``most``."""
    return next(step for step in (1, 2, 5, 10, 20, 50, 100) if span / step <= most)


@dataclass
class Span:
    """A run of words in a line of a label, bold or not."""

    text: str
    bold: bool = False


@dataclass
class Line:
    """A line of a label: its baseline and its runs of words."""

    y: float
    spans: list


def label_lines(top, width, font, bold="", plain=""):
    """The lines of a label (``bold`` words, then ``plain`` words) that fit ``width``,
    the first baseline one line below ``top``; returns (lines, the height they take)."""
    most = max(int(width / (font * LETTER_WIDTH)), 8)
    words = [(word, True) for word in str(bold).split()]
    words += [(word, False) for word in str(plain).split()]
    lines, current, length = [], [], 0
    for word, is_bold in words:
        if current and length + 1 + len(word) > most:
            lines.append(current)
            current, length = [], 0
        length += len(word) + (1 if current else 0)
        if current and current[-1].bold == is_bold:
            current[-1].text += f" {word}"
        else:
            current.append(Span(f" {word}" if current else word, is_bold))
    if current:
        lines.append(current)
    step = font + 4
    return [Line(top + step * (i + 1) - 4, spans) for i, spans in enumerate(lines)], step * len(
        lines
    )
