"""The compliance charts: levels mapped onto the site's bar geometry (``core.charts``).

Every level has a colour from a colour-blind-safe scheme (blues for the steps
of compliance, orange for "not yet", grey for "not assessed") and its own
pattern, so the levels stay apart in greyscale and for people who cannot tell
the colours apart; every bar has a dark outline so it stands out from the page,
and every figure is also printed as text.
"""

from dataclasses import dataclass

from core.charts import Bar, Chart, LinearScale
from core.i18n import percent

from .models import Level

# Colours and the pattern ids that templates/areas/includes/chart_patterns.svg.html defines.
LEVEL_STYLE = {
    Level.FULL: {"fill": "#08306b", "pattern": "lvl-full"},
    Level.SECONDARY: {"fill": "#2171b5", "pattern": "lvl-secondary"},
    Level.PRELIMINARY: {"fill": "#9ecae1", "pattern": "lvl-preliminary"},
    Level.NOT_IN_COMPLIANCE: {"fill": "#fdae6b", "pattern": "lvl-not_in_compliance"},
    Level.NOT_ASSESSED: {"fill": "#f0f0f0", "pattern": "lvl-not_assessed"},
}

FONT = 14
MARGIN = 16


def fill(level):
    return f"url(#{LEVEL_STYLE[level]['pattern']})"


class LevelBar(Bar):
    """A bar whose ``item`` is a compliance level."""

    @property
    def level(self):
        return self.item

    @property
    def fill(self):
        return fill(self.item)


@dataclass
class Group:
    """A report's bars under its label."""

    label: str
    label_y: float
    bars: list


@dataclass
class StackedRow:
    """One stacked bar under its label: a segment (``LevelBar``) per level."""

    label: str
    label_y: float
    y: float
    height: float
    total: int
    segments: list


def grouped_bars(summaries, plot_width=420, text_width=230, bar=14, gap=4, group_gap=18):
    """Horizontal bars, one group per report and one bar per level, on a 0–100% scale.

    A level the monitor did not publish gets no bar and says so in words.
    """
    scale = LinearScale(MARGIN, MARGIN + plot_width, 100)
    top = FONT + 10  # room for the scale's labels
    y = top + 6
    groups = []
    for summary in summaries:
        y += FONT + 4
        group = Group(f"{summary.report.label} ({summary.short_source_label})", y, [])
        y += 6
        for figure in summary.figure_list:
            share = figure.share
            width = scale.length(min(share, 100)) if share is not None else 0
            group.bars.append(
                LevelBar(
                    item=figure.level,
                    x=MARGIN,
                    y=y,
                    width=width,
                    height=bar,
                    text=f"{figure.level.label}: {figure.text}",
                    text_x=MARGIN + width + 6,
                    text_y=y + bar - 2,
                    missing=share is None,
                )
            )
            y += bar + gap
        groups.append(group)
        y += group_gap
    return Chart(
        width=MARGIN + plot_width + text_width,
        height=y,
        rows=groups,
        ticks=scale.ticks((0, 25, 50, 75, 100), label=percent, y=top - 6),
        plot_top=top,
        plot_bottom=y - group_gap,
    )


def stacked_bars(rows, plot_width=360, bar=22, row_gap=14, label=True):
    """One bar per row, split by level in proportion to the paragraphs at each level.

    With ``label`` each bar has a line above it for its label.
    """
    left = MARGIN if label else 1
    y = 1
    stacked = []
    for row in rows:
        label_y = 0
        if label:
            y += FONT + 4
            label_y = y
            y += 6
        total = row.total
        scale = LinearScale(0, plot_width, total or 1)
        x = left
        segments = []
        for level, count in row.nonzero_cells:
            width = scale.length(count)
            segments.append(LevelBar(level, x, y, width, bar, text=str(count)))
            x += width
        stacked.append(StackedRow(row.label, label_y, y, bar, total, segments))
        y += bar + row_gap
    return Chart(width=left * 2 + plot_width, height=y + 1, rows=stacked)
