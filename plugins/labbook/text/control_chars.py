"""Characters no data value may carry to a page, a feed or a calendar.

XML 1.0 (Atom feeds) forbids C0 controls other than tab, line feed and carriage return, lone surrogates and
U+FFFE/U+FFFF; lxml refuses to write them. HTML calls C1 controls and noncharacters parse errors, iCalendar
allows no controls, and a lone surrogate cannot even be encoded as UTF-8. They are also invisible: a
contributor who pastes one in cannot see it. labbook reports each with its file and line and removes it when
the data is read (see :mod:`labbook.load.bibtex` and :mod:`labbook.load.yaml`); renderers strip them again
from anything that did not come through a loader.
"""

from __future__ import annotations

import re

#: C0 controls except tab, line feed and carriage return; DEL and the C1 controls; lone surrogates; the
#: noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


def first_forbidden(text: str) -> tuple[int, str] | None:
    """The offset and the character of the first forbidden character in ``text``, or ``None``."""
    match = FORBIDDEN.search(text)
    return (match.start(), match[0]) if match else None


def strip_forbidden(text: str) -> str:
    """``text`` without its forbidden characters."""
    return FORBIDDEN.sub("", text) if FORBIDDEN.search(text) else text


def describe(char: str) -> str:
    """``U+001B (escape)``-style name of a forbidden character, for a diagnostic."""
    names = {0: "NUL", 0x1B: "escape", 0x7F: "delete", 0xFFFE: "noncharacter", 0xFFFF: "noncharacter"}
    code = ord(char)
    name = names.get(code) or ("lone surrogate" if 0xD800 <= code <= 0xDFFF else
                               "noncharacter" if code >= 0xFDD0 else "control character")
    return f"U+{code:04X} ({name})"
