"""The compliance charts: levels mapped onto the site's bar geometry (``core.charts``).

Every level has a colour from a colour-blind-safe scheme (blues for the steps
of compliance, orange for "not yet", grey for "not assessed") and its own
pattern, so the levels stay apart in greyscale, in forced-colors mode and for
people who cannot tell the colours apart; every bar has a dark outline so it
stands out from the page, and every figure is also printed as text. The
colours and patterns are in the stylesheet (``.lvl-<level>``) and in
templates/areas/includes/chart_patterns.svg.html.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.charts import NARROW_FONT, NARROW_WIDTH, Bar, Chart, LinearScale, Tick, label_lines
from core.i18n import percent

from .models import Level

FONT = 14
MARGIN = 16
NARROW_MARGIN = 8


def pattern(level):
    """The id of the level's pattern in chart_patterns.svg.html."""
    return f"lvl-{Level(level).value}"


class LevelBar(Bar):
    """A bar whose ``item`` is a compliance level."""

    @property
    def level(self):
        return self.item


@dataclass
class Group:
    """A report's bars under its label."""

    label: str
    lines: list  # core.charts.Line
    bars: list


@dataclass
class StackedRow:
    """One stacked bar under its label: a segment (``LevelBar``) per level."""

    label: str
    lines: list  # core.charts.Line
    y: float
    height: float
    total: int
    segments: list


def grouped_bars(summaries, narrow=False):
    """Horizontal bars, one group per report and one bar per level, on a 0–100% scale.

    Wide: the figures beside the bars. Narrow: each figure above its bar. A level
    the monitor did not publish gets no bar and says so in words.
    """
    font = NARROW_FONT if narrow else FONT
    left = NARROW_MARGIN if narrow else MARGIN
    plot_width = NARROW_WIDTH - 2 * left if narrow else 420
    width = NARROW_WIDTH if narrow else left + plot_width + 230
    scale = LinearScale(left, left + plot_width, 100)
    top = font + 10  # room for the scale's labels
    y = top + 6
    groups = []
    for summary in summaries:
        label = f"{summary.report.label} ({summary.short_source_label})"
        lines, height = label_lines(y, width - left, font, bold=label)
        y += height + 4
        group = Group(label, lines, [])
        for figure in summary.figure_list:
            share = figure.share
            bar_width = scale.length(min(share, 100)) if share is not None else 0
            text = f"{figure.level.label}: {figure.text}"
            if narrow:
                text_x, text_y = left, y + font
                y += font + 4
                bar_height = 12
            else:
                bar_height = 14
                text_x, text_y = left + bar_width + 6, y + bar_height - 2
            group.bars.append(
                LevelBar(
                    figure.level,
                    left,
                    y,
                    bar_width,
                    bar_height,
                    text,
                    text_x,
                    text_y,
                    missing=share is None,
                )
            )
            y += bar_height + (6 if narrow else 4)
        groups.append(group)
        y += 18
    if narrow:
        ticks = [
            Tick(scale.x(0), percent(0), top - 6, "start"),
            Tick(scale.x(50), percent(50), top - 6),
            Tick(scale.x(100), percent(100), top - 6, "end"),
        ]
        ticks[1:1] = [Tick(scale.x(25), "", top - 6), Tick(scale.x(75), "", top - 6)]
    else:
        ticks = scale.ticks((0, 25, 50, 75, 100), label=percent, y=top - 6)
    return Chart(width, y, groups, ticks, top, y - 18, font=font, narrow=narrow, left=left)


def stacked_bars(rows, narrow=False, label=True, plot_width=None, bar=None):
    """One bar per row, split by level in proportion to the paragraphs at each level.

    With ``label`` each bar has its label above it (with the number of
    paragraphs), broken into lines that fit the chart's width.
    """
    font = NARROW_FONT if narrow else FONT
    left = (NARROW_MARGIN if narrow else MARGIN) if label else 1
    plot_width = plot_width or (NARROW_WIDTH - 2 * left if narrow else 360)
    bar = bar or 22
    y = 1
    stacked = []
    for row in rows:
        lines = []
        if label:
            count = (
                ngettext("(%(count)s paragraph)", "(%(count)s paragraphs)", row.total)
                % {"count": row.total}
                if row.total
                else _("(not rated in this report)")
            )
            lines, height = label_lines(y, plot_width, font, bold=row.label, plain=count)
            y += height + 6
        scale = LinearScale(0, plot_width, row.total or 1)
        x = left
        segments = []
        for level, count in row.nonzero_cells:
            width = scale.length(count)
            segments.append(LevelBar(level, x, y, width, bar, text=str(count)))
            x += width
        stacked.append(StackedRow(row.label, lines, y, bar, row.total, segments))
        y += bar + 14 * label
    return Chart(left * 2 + plot_width, y + 1, stacked, font=font, narrow=narrow, left=left)
