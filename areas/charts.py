"""Geometry for the server-rendered SVG charts; the templates only draw it.

Every level has a colour from a colour-blind-safe scheme (blues for the steps
of compliance, orange for "not yet", grey for "not assessed") and its own
pattern, so the levels stay apart in greyscale and for people who cannot tell
the colours apart; every bar has a dark outline so it stands out from the page,
and every figure is also printed as text.
"""

from dataclasses import dataclass, field

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


@dataclass
class Tick:
    x: float
    label: str
    y: float


@dataclass
class Bar:
    level: Level
    x: float
    y: float
    width: float
    height: float
    text: str
    text_x: float
    text_y: float
    missing: bool = False

    @property
    def fill(self):
        return fill(self.level)


@dataclass
class Group:
    label: str
    label_y: float
    bars: list = field(default_factory=list)


@dataclass
class Chart:
    width: float
    height: float
    groups: list
    ticks: list = field(default_factory=list)
    plot_top: float = 0
    plot_bottom: float = 0


def ticks(left, width, top):
    """Gridlines at every quarter, labelled above the plot."""
    return [Tick(left + width * p / 100, f"{p}%", top - 6) for p in (0, 25, 50, 75, 100)]


def grouped_bars(summaries, plot_width=420, text_width=230, bar=14, gap=4, group_gap=18):
    """Horizontal bars, one group per report and one bar per level, on a 0–100% scale.

    A level the monitor did not publish gets no bar and says so in words.
    """
    left = MARGIN
    top = FONT + 10  # room for the scale's labels
    y = top + 6
    groups = []
    for summary in summaries:
        y += FONT + 4
        group = Group(f"{summary.report.label} ({summary.short_source_label})", y)
        y += 6
        for figure in summary.figure_list:
            share = figure.share
            width = plot_width * min(share, 100) / 100 if share is not None else 0
            level_label = figure.level.label
            group.bars.append(
                Bar(
                    level=figure.level,
                    x=left,
                    y=y,
                    width=round(width, 2),
                    height=bar,
                    text=f"{level_label}: {figure.text}",
                    text_x=round(left + width + 6, 2),
                    text_y=y + bar - 2,
                    missing=share is None,
                )
            )
            y += bar + gap
        groups.append(group)
        y += group_gap
    return Chart(
        width=left + plot_width + text_width,
        height=y,
        groups=groups,
        ticks=ticks(left, plot_width, top),
        plot_top=top,
        plot_bottom=y - group_gap,
    )


@dataclass
class Segment:
    level: Level
    x: float
    width: float
    count: int
    total: int

    @property
    def fill(self):
        return fill(self.level)


@dataclass
class StackedBar:
    label: str
    label_y: float
    y: float
    height: float
    total: int
    segments: list


def stacked_bars(rows, plot_width=360, bar=22, row_gap=14, label=True):
    """One bar per row, split by level in proportion to the paragraphs at each level.

    With ``label`` each bar has a line above it for its label.
    """
    left = MARGIN if label else 1
    y = 1
    bars = []
    for row in rows:
        label_y = 0
        if label:
            y += FONT + 4
            label_y = y
            y += 6
        total = row.total
        x = left
        segments = []
        for level, count in row.cells:
            if not count:
                continue
            width = plot_width * count / total
            segments.append(Segment(level, round(x, 2), round(width, 2), count, total))
            x += width
        bars.append(StackedBar(row.label, label_y, y, bar, total, segments))
        y += bar + row_gap
    return Chart(width=left * 2 + plot_width, height=y + 1, groups=bars)
