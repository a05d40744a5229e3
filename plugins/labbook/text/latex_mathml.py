"""TeX math from data (titles, abstracts, notes) turned into MathML when the site is built.

Browsers draw MathML themselves (Chromium since 109, Firefox and Safari for longer), so a formula converted here
needs no script: it shows on the first paint, without JavaScript, and in an abstract the light list fetches on
demand, where MathJax (1.17 MB) would have to load first and typeset it on the phone's main thread. The
conversion is `latex2mathml <https://pypi.org/project/latex2mathml/>`_'s.

A formula that cannot be converted faithfully is left as TeX for MathJax, exactly as before (so it is never
lost, and the page keeps its MathJax marker): latex2mathml raises an error, leaves a command it does not know
in its output (as ``<mi>\\foo</mi>``), or writes an element or attribute outside :data:`ELEMENTS` and
:data:`ATTRIBUTES` (``\\href``, ``\\style`` and their like, which MathJax's ``safe`` extension filters, or raw
markup from ``\\text{<b>}``). The MathML written is rebuilt from the parsed tree, so nothing else can reach the
page. The TeX source is kept in an ``annotation`` (not drawn, not read aloud), which :func:`mathml_to_tex` gives
back for the plain-text uses (the list's search text) that showed TeX before; Material's search index reads it
too, since the drawn part is marked ``data-search-exclude``.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from functools import lru_cache
from typing import Final

from latex2mathml.converter import convert as _latex2mathml
from markupsafe import escape

from labbook.text.math_safety import unsafe_math

_NS: Final = "{http://www.w3.org/1998/Math/MathML}"
#: Presentation MathML elements a converted formula may hold (MathML Core, plus ``menclose`` for ``\cancel``).
ELEMENTS: Final = frozenset({
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac", "msqrt",
    "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom", "menclose",
})
#: Attributes it may carry: layout only (no links, classes, ids, styles or event handlers).
ATTRIBUTES: Final = frozenset({
    "display", "mathvariant", "stretchy", "fence", "form", "separator", "accent", "accentunder", "linethickness",
    "columnalign", "rowalign", "columnspacing", "rowspacing", "columnlines", "rowlines", "frame", "framespacing",
    "width", "height", "depth", "lspace", "rspace", "voffset", "displaystyle", "scriptlevel", "notation",
    "minsize", "maxsize", "movablelimits", "symmetric", "largeop", "mathsize", "mathcolor", "equalrows",
    "equalcolumns", "align",
})
_TOKENS: Final = frozenset({"mi", "mn", "mo", "ms", "mtext"})
#: Longer formulas are left to MathJax: latex2mathml's parser is recursive.
MAX_TEX: Final = 2000
# Chromium draws only mathvariant="normal"; the other styles become Unicode's mathematical letters and digits.
_VARIANT_NAMES: Final = {
    "bold": "BOLD", "italic": "ITALIC", "bold-italic": "BOLD ITALIC", "double-struck": "DOUBLE-STRUCK",
    "script": "SCRIPT", "bold-script": "BOLD SCRIPT", "fraktur": "FRAKTUR", "bold-fraktur": "BOLD FRAKTUR",
    "sans-serif": "SANS-SERIF", "bold-sans-serif": "SANS-SERIF BOLD", "sans-serif-italic": "SANS-SERIF ITALIC",
    "monospace": "MONOSPACE",
}
_GREEK = re.compile(r"GREEK (CAPITAL|SMALL) LETTER (\w+)")
_DIGITS: Final = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")
_INLINE_FORMULA = re.compile(
    r'<math display="inline"><semantics><(mpadded|mstyle|mrow)[^>]*>(.*?)</\1>'
    r'<annotation encoding="application/x-tex">[^<]*</annotation></semantics></math>', re.S)
_TEX_ANNOTATION = re.compile(
    r'<math display="(block|inline)">.*?<annotation encoding="application/x-tex">(.*?)</annotation>'
    r"</semantics></math>", re.S)


def _styled(char: str, variant: str) -> str:
    """``char`` as Unicode's mathematical letter or digit in ``variant`` (unchanged where Unicode has none)."""
    style = _VARIANT_NAMES.get(variant)
    if style is None or not char.isalnum():
        return char
    if char.isascii() and char.isdigit():
        name = f"MATHEMATICAL {style} DIGIT {_DIGITS[int(char)]}"
    elif char.isascii():
        name = f"MATHEMATICAL {style} {'CAPITAL' if char.isupper() else 'SMALL'} {char.upper()}"
    else:  # Greek: GREEK SMALL LETTER ALPHA -> MATHEMATICAL BOLD ITALIC SMALL ALPHA
        greek = _GREEK.fullmatch(unicodedata.name(char, ""))
        if greek is None:
            return char
        name = f"MATHEMATICAL {style} {greek[1]} {greek[2]}"
    try:
        return unicodedata.lookup(name)
    except KeyError:  # the letters Unicode placed in Letterlike Symbols (ℝ, ℋ ...) latex2mathml already writes
        return char


def _write(element: ET.Element, out: list[str]) -> bool:
    """Append ``element`` as MathML to ``out``; ``False`` when it holds anything outside the allowed set."""
    tag = element.tag.removeprefix(_NS)
    if tag not in ELEMENTS or any(name not in ATTRIBUTES for name in element.attrib):
        return False
    variant = element.get("mathvariant", "normal")
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in element.attrib.items()
                    if not (name == "mathvariant" and variant != "normal" and tag in _TOKENS))
    out.append(f"<{tag}{attrs}>")
    text = element.text or ""
    if tag in _TOKENS and variant != "normal":
        text = "".join(_styled(c, variant) for c in text)
    out.append(str(escape(text)))
    for child in element:
        if not _write(child, out):
            return False
        out.append(str(escape(child.tail or "")))
    out.append(f"</{tag}>")
    return True


@lru_cache(maxsize=8192)
def tex_to_mathml(tex: str, display: bool = False) -> str | None:
    """MathML for the TeX formula ``tex`` (without its ``$`` delimiters), or ``None`` when it is left to MathJax
    (see the module's description). The result is safe to insert into a page."""
    if not tex.strip() or len(tex) > MAX_TEX or unsafe_math(tex):
        return None
    try:
        raw = _latex2mathml(tex, display="block" if display else "inline")
        if "\\" in raw:  # a command latex2mathml did not know, copied into the output as it was
            return None
        root = ET.fromstring(raw)
    except Exception:  # latex2mathml's own errors, ValueError, IndexError, RecursionError, bad XML: MathJax's turn
        return None
    inner: list[str] = []
    if root.tag != f"{_NS}math" or (root.text and root.text.strip()):
        return None
    for child in root:
        if not _write(child, inner) or (child.tail or "").strip():
            return None
    mode = "block" if display else "inline"
    body = "".join(inner)
    # Material's search indexes the TeX (the annotation), not the drawn symbols as well, and drops the attribute.
    # Its parser ends an excluded element at the first closing tag of the same name, so the wrapper's name must
    # not occur inside (an mpadded or mstyle without attributes is drawn as a plain mrow).
    wrapper = next((tag for tag in ("mpadded", "mstyle") if f"<{tag}" not in body), None)
    drawn = f'<{wrapper} data-search-exclude="1">{body}</{wrapper}>' if wrapper else f"<mrow>{body}</mrow>"
    return (f'<math display="{mode}"><semantics>{drawn}'
            f'<annotation encoding="application/x-tex">{escape(tex)}</annotation></semantics></math>')


def mathml_to_tex(html: str) -> str:
    """``html`` with every formula :func:`tex_to_mathml` wrote put back as the TeX it came from, between
    ``\\(...\\)`` (``\\[...\\]`` for display math): the text the page showed before MathJax typeset it."""
    if "<math" not in html:
        return html

    def tex(match: re.Match[str]) -> str:
        opening, closing = ("\\[", "\\]") if match[1] == "block" else ("\\(", "\\)")
        return f"{opening}{match[2]}{closing}"

    return _TEX_ANNOTATION.sub(tex, html)


def compact_mathml(html: str) -> str:
    """``html`` with every inline formula :func:`tex_to_mathml` wrote reduced to what is drawn:
    ``<math>`` and its content, without the TeX annotation kept for search or the attributes that say the
    defaults. For the short entries of a long list, a page search leaves out, where each byte counts
    thousands of times; a browser draws the formula the same."""
    if "<math" not in html:
        return html
    return _INLINE_FORMULA.sub(lambda m: f"<math>{m[2]}</math>", html)
