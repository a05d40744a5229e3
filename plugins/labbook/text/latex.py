"""Convert the TeX found in BibTeX field values into HTML fragments or plain Unicode text.

The conversion itself is :mod:`labbook.text.latex_scanner`; this module is its public face: the three
outputs, a cache (a lab's fields repeat: venues, author names), and a safety net that keeps a build alive.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

from markupsafe import escape

from labbook.text.latex_scanner import HTML as _HTML
from labbook.text.latex_scanner import SORT as _SORT
from labbook.text.latex_scanner import SPECIAL, TEX_JUNK, WS
from labbook.text.latex_scanner import TEXT as _TEXT
from labbook.text.latex_scanner import convert as _convert
from labbook.text.latex_symbols import SORT_FOLD as _SORT_FOLD

__all__ = ["latex_to_html", "latex_to_text", "strip_tex_for_sort", "unknown_commands"]

_CACHE_SIZE: Final = 65536


def _fold(plain: str) -> str:
    """Lowercase, accent-free form of converted text, for sorting and matching."""
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).translate(_SORT_FOLD)
    return WS.sub(" ", plain.replace("$", "").replace("\u00a0", " ")).strip().casefold()


@lru_cache(maxsize=_CACHE_SIZE)
def _cached(text: str, mode: int) -> str:
    if SPECIAL.search(text) is not None:
        try:
            result = _convert(text, mode)
        except Exception:  # the scanner is tested not to raise; this net only keeps a site build alive
            text = TEX_JUNK.sub(" ", text)
        else:
            return _fold(result) if mode == _SORT else result
    plain = WS.sub(" ", text).strip()
    if mode == _HTML:
        return str(escape(plain))
    return plain if mode == _TEXT else _fold(plain)


def _as_str(text: object) -> str:
    if type(text) is str:
        return text
    if isinstance(text, str):  # e.g. markupsafe.Markup: its "already safe" flag must not skip escaping
        return str(text)
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    return "" if text is None else str(text)


@lru_cache(maxsize=_CACHE_SIZE)
def _unknown(text: str) -> tuple[str, ...]:
    if "\\" not in text:
        return ()
    found: set[str] = set()
    try:
        _convert(text, _TEXT, found)
    except Exception:  # the scanner is tested not to raise; see _cached
        return ()
    return tuple(sorted(found))


def unknown_commands(text: str) -> tuple[str, ...]:
    """The names of the commands in ``text`` (outside math) that the conversion does not know, sorted.

    Their argument is kept as text and the command itself is dropped (``\\foo{bar}`` gives "bar"); commands
    that only change fonts or spacing (``\\textsc``, ``\\mbox`` ...) are not listed.
    """
    return _unknown(_as_str(text))


def latex_to_html(text: str) -> str:
    """Convert TeX from a BibTeX field into an HTML fragment, safe to insert into a page.

    Text is HTML-escaped exactly once; the only real tags are the ones this function emits
    (em, strong, code, sup, sub, a with an http(s)/mailto href, MathML formulas from
    :mod:`labbook.text.latex_mathml`, and arithmatex math spans for the formulas it leaves to MathJax).
    """
    return _cached(_as_str(text), _HTML)


def latex_to_text(text: str) -> str:
    """Convert TeX from a BibTeX field into plain Unicode text.

    Meant for <title>, meta tags, JSON-LD, CSL-JSON and search. Not HTML-escaped (callers escape).
    Math is kept as its TeX source between $...$ ($$...$$ for display math).
    """
    return _cached(_as_str(text), _TEXT)


def strip_tex_for_sort(text: str) -> str:
    """Return lowercase plain text without accents, for sorting and matching.

    Unlike latex_to_text, the argument of \\noopsort is kept, since it is there to steer sorting.
    """
    return _cached(_as_str(text), _SORT)
