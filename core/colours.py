"""Colour contrast as WCAG 2.2 measures it, for colours staff choose."""

import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def luminance(hex_colour):
    """The relative luminance of ``#rrggbb``, from 0 (black) to 1 (white)."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    """The contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
