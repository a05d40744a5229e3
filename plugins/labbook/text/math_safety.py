"""TeX commands that let math in data reach outside the formula, refused when the data is read.

With ``mathjax: true`` every title, name and abstract is typeset by MathJax, and MathJax's ``html`` and
``unicode`` extensions turn TeX into HTML attributes: ``\\href{javascript:...}`` a link, ``\\style{...}`` CSS
(``position:fixed`` over the whole page), ``\\class`` and ``\\cssId`` the page's own classes and ids,
``\\data`` ``data-`` attributes, ``\\unicode`` fonts; ``\\require`` loads more extensions. The page loads
MathJax's ``safe`` extension, which filters these in the browser (configured in ``labbook.js``); labbook also
reports them with file and line, so that a pull request carrying one fails its check.
"""

from __future__ import annotations

import re

from labbook.text.safe_urls import check_url

#: Commands no data value may use (MathJax's html, unicode and require packages), with what they do.
REFUSED = {
    "style": "sets CSS on the page",
    "class": "sets an HTML class of the page",
    "cssId": "sets an HTML id of the page",
    "data": "sets data- attributes",
    "unicode": "chooses fonts and characters outside the formula",
    "require": "loads MathJax extensions",
}
#: The hint of every such diagnostic.
UNSAFE_MATH_HINT = "remove the command; math in titles and abstracts needs only formulas (\\frac, ^, _, ...)"
_COMMAND = re.compile(r"\\(style|class|cssId|data|unicode|require|href)(?![A-Za-z])")
_HREF_TARGET = re.compile(r"\s*\{([^{}]*)\}")


def unsafe_math(text: str) -> list[tuple[int, str]]:
    """Where ``text`` uses a refused command (offset, and a sentence saying what it would do); ``\\href`` is
    refused only when its target is not an http(s), mailto or relative URL, as for every other link."""
    found: list[tuple[int, str]] = []
    if "\\" not in text:
        return found
    for match in _COMMAND.finditer(text):
        name = match[1]
        if name == "href":
            target = _HREF_TARGET.match(text, match.end())
            if target is not None and check_url(target[1]) is not None:
                continue
            shown = target[1][:60] if target is not None else "(no target in braces)"
            found.append((match.start(), f"\\href to '{shown}' (not an http(s), mailto or relative URL)"))
        else:
            found.append((match.start(), f"\\{name} ({REFUSED[name]})"))
    return found


def unsafe_math_message(problems: list[tuple[int, str]]) -> str:
    """One sentence for the diagnostic of a value with ``problems`` (see :func:`unsafe_math`)."""
    listed = "; ".join(message for _, message in problems[:3]) + ("; ..." if len(problems) > 3 else "")
    return f"uses TeX that MathJax would let out of the formula: {listed}"
