"""al-folio's ``_data/venues.yml`` badge colours as CSS rules for labbook's venue badges.

The badge text is readable on any colour: white or near-black, whichever contrasts more (WCAG luminance).
"""

from __future__ import annotations

import re
from typing import Any

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def _luminance(hex_colour: str) -> float:
    digits = hex_colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_colour(hex_colour: str) -> str:
    """``#fff`` or ``#1a1a1a``: the text colour with the higher contrast on ``hex_colour``."""
    lum = _luminance(hex_colour)
    return "#fff" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / (_luminance("#1a1a1a") + 0.05)) else "#1a1a1a"


def venue_css(venues: dict[str, Any]) -> tuple[str, list[str]]:
    """CSS for the venues that have a ``color``, and the names whose colour could not be used."""
    rules: list[str] = []
    bad: list[str] = []
    for name, spec in venues.items():
        colour = str(spec.get("color", "")).strip() if isinstance(spec, dict) else ""
        if not colour:
            continue
        if not _HEX.fullmatch(colour):
            bad.append(str(name))
            continue
        key = str(name).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        rules.append(f'.lb-badge-venue[data-badge="{key}"] {{ background: {colour}; color: {text_colour(colour)}; }}')
    if not rules:
        return "", bad
    return "\n/* Venue badge colours, from al-folio's _data/venues.yml. */\n" + "\n".join(rules) + "\n", bad
