"""HTML that a page's Markdown leaves exactly as it is (what a macro returns).

mkdocs-macros runs before Markdown: a macro's HTML is pasted into the page's Markdown source, and Markdown
then reads it again, attributes included. A title such as ``![x onfocus=alert(1) y](z)`` in a ``title="..."``
attribute would become an ``<img>`` inside the attribute; ``[x](javascript:...)``, ``$\\href{...}$``,
``{++ ++}`` (critic), ``|`` (a table cell) and a blank line act the same way. Escaping HTML is not enough.

:func:`markdown_inert` writes every character that some Markdown rule or common extension starts from as a
numeric character reference (``&#91;`` for ``[``). Browsers decode those in text and in attribute values
alike, so the page shows and links the same; Markdown passes character references through untouched. Line
breaks become references too, so the whole fragment is one line that no block rule (list, heading, code
block, table) can take apart.
"""

from __future__ import annotations

import re

from markupsafe import Markup

#: Characters Markdown (and the pymdownx extensions) build markup from, written as references in text.
#: Left alone: letters, digits, spaces, ``&`` (already escaped), ``, ; ' " - / % ?`` (no rule builds
#: an element from them once the others are references).
_TEXT = frozenset("\\`*_{}[]()<>#+!|$^~=:@.\n\r\t")
#: Inside an attribute value only the rules that run before Markdown protects a tag (links, images,
#: code, math, keys, critic, tables, line breaks) matter; ``: / . # = ?`` stay readable in URLs.
_ATTR = frozenset("\\`{}[]()<>!|$+*_~^\n\r\t")
_TOKENS = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ATTR_VALUE = re.compile(r'"[^"]*"|\'[^\']*\'')


def _refs(text: str, chars: frozenset[str]) -> str:
    # Entities stay as they are: "&amp;" must not become "&amp&#59;".
    out: list[str] = []
    pos = 0
    for match in _ENTITY.finditer(text):
        out.append("".join(f"&#{ord(ch)};" if ch in chars else ch for ch in text[pos:match.start()]))
        out.append(match[0])
        pos = match.end()
    out.append("".join(f"&#{ord(ch)};" if ch in chars else ch for ch in text[pos:]))
    return "".join(out)


def _text(text: str) -> str:
    # The layout whitespace between two tags is one space to HTML; as a reference it would only add noise.
    if text.isspace():
        return " "
    return _refs(text, _TEXT)


def _tag(tag: str) -> str:
    if tag.startswith("<!--"):
        return ""  # a comment is not needed on the page, and its text would be read as Markdown
    inner = _ATTR_VALUE.sub(lambda m: m[0][0] + _refs(m[0][1:-1], _ATTR) + m[0][0], tag)
    # Line breaks between attributes (from a template's layout) are spaces to HTML, but a line to Markdown.
    return re.sub(r"\s+", " ", inner) if "\n" in inner or "\r" in inner else inner


def markdown_inert(html: str) -> Markup:
    """``html`` (well-formed HTML from labbook's templates, data already escaped) with every character
    Markdown could act on written as a character reference, in text and in attribute values alike."""
    out: list[str] = []
    pos = 0
    for match in _TOKENS.finditer(html):
        out.append(_text(html[pos:match.start()]))
        out.append(_tag(match[0]))
        pos = match.end()
    out.append(_text(html[pos:]))
    return Markup("".join(out))
