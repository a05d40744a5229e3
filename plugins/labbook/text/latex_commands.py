"""Tables and a rewrite the LaTeX converter (:mod:`labbook.text.latex`) uses for commands found in real files.

Kept apart so the converter stays one scanner: which commands only make room on paper (their argument is not
text), which only change fonts or spacing (dropped quietly, the text in their braces kept), and how stacked
accents without braces (Vietnamese names: ``Nguy{\\~\\^e}n``) are read.
"""

from __future__ import annotations

import re
from typing import Final

# Commands whose argument only takes up (or makes) room on a printed page: the argument is not text.
INVISIBLE_ARGS: Final = frozenset({"phantom", "vphantom", "hphantom", "hspace", "vspace"})
# Commands that change only how text is typeset (fonts, boxes, spacing): dropped, any argument kept as text,
# and never reported as unknown.
TYPESETTING: Final = frozenset({
    "textsc", "textrm", "textsf", "textmd", "textup", "textnormal", "textsl", "mbox", "hbox", "text", "relax",
    "protect", "xspace", "noindent", "nobreak", "allowbreak", "normalfont", "rm", "sf", "sc", "scshape",
    "upshape", "mdseries", "rmfamily", "sffamily", "small", "footnotesize", "scriptsize", "tiny", "large", "Large",
    "LARGE", "huge", "Huge", "normalsize", "ignorespaces", "null", "unskip", "bibinfo", "bibnamefont",
    "bibfnamefont", "citenamefont", "MakeUppercase", "MakeLowercase", "uppercase", "lowercase",
    "linebreak", "smallskip", "medskip", "bigskip", "nolinkurl", "discretionary",
})  # fmt: skip


# An accent written right before another one without braces (Nguy{\~\^e}n, as Vietnamese names need): braced,
# so that the outer accent applies to the accented letter instead of vanishing.
_STACKED_ACCENTS = re.compile(
    r"(\\(?:[`'^\"~=.]|[uvHckrdbt](?![A-Za-z])[ \t]*))"
    r"(\\(?:[`'^\"~=.]|[uvHckrdbt](?![A-Za-z]))[ \t]*(?:\{[^{}\\]*\}|\\[ij](?![A-Za-z])|[A-Za-z]))"
)


def stack_accents(s: str) -> str:
    """``s`` with each accent command written right before another one braced with it (``\\~\\^e`` becomes
    ``\\~{\\^e}``), so that both apply to the letter."""
    if "\\" not in s:
        return s
    for _ in range(3):  # three accents on one letter is already more than any language uses
        stacked = _STACKED_ACCENTS.sub(r"\1{\2}", s)
        if stacked == s:
            break
        s = stacked
    return s
