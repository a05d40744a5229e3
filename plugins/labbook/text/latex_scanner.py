"""The scanner behind :mod:`labbook.text.latex`: one pass over TeX, writing HTML or plain text.

One hand-written, single-pass, non-recursive scanner serves every output: latexcodec alone gets
cases such as ``\\'{\\i}`` and ``\\foo{bar}`` wrong, and a recursive parser would hit Python's
recursion limit on deeply nested braces.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from markupsafe import escape

from labbook.text.latex_commands import INVISIBLE_ARGS, TYPESETTING, stack_accents
from labbook.text.latex_mathml import tex_to_mathml
from labbook.text.latex_symbols import (
    ACCENTS,
    CONTROL_SYMBOLS,
    DROP_ARGS,
    LETTERS,
    PUNCT,
    SWITCHES,
    SYMBOLS,
    TAG_ARGS,
    UNDOTTED,
)

HTML: Final = 0
TEXT: Final = 1
SORT: Final = 2  # like TEXT, but keeps \noopsort arguments: they exist precisely to steer sorting

# Strings without any of these characters cannot contain TeX markup, so they skip the scanner.
SPECIAL = re.compile(r"[\\{}$~`'\-]")
# Deliberately not \s: that would also swallow the no-break spaces that ~ produces.
WS = re.compile(r"[ \t\n\r\f\v]+")

_TOKEN = re.compile(
    r"(?P<text>[^\\{}$~`'\-]+)"
    r"|\\(?P<word>[A-Za-z]+)[ \t\n\r\f\v]*"  # TeX swallows the spaces after a control word
    r"|\\(?P<sym>.)"
    r"|(?P<open>\{)|(?P<close>\})|(?P<dollar>\$\$?)|(?P<punct>-{1,3}|``|''|[`'])"
    r"|(?P<tilde>~)|(?P<bs>\\)",
    re.DOTALL,
)
_WORD_AT = re.compile(r"\\([A-Za-z]+)[ \t\n\r\f\v]*")
_SKIP_WS = re.compile(r"[ \t\n\r\f\v]*")
# Alternatives start with distinct characters, so a failed search costs linear time, not exponential.
_INLINE_END = re.compile(r"((?:[^\\$]|\\.)*)\$", re.DOTALL)
_DISPLAY_END = re.compile(r"((?:[^\\$]|\\.|\$(?!\$))*)\$\$", re.DOTALL)
_BRACE_SCAN = re.compile(r"\\.|[{}]", re.DOTALL)
_URL_TILDE = re.compile(r"\\(?:~|textasciitilde)[ \t]*(?:\{\})?")
_URL_ESCAPE = re.compile(r"\\([%#&_$/{}])")
_URL_JUNK = re.compile(r"[{}\\\s]+")
TEX_JUNK = re.compile(r"\\[A-Za-z]+|\\.?|[{}]", re.DOTALL)
_SAFE_SCHEMES: Final = ("http://", "https://", "mailto:")

# A frame is [start index in the output list, closer, switches]; closers are tuples whose first
# item says what happens to the frame's output when its group ends.
_Closer = tuple[str, ...] | None


def _accent(text: str, mark: str) -> str:
    """Put a combining mark on the first letter of text, composing it where Unicode can."""
    first = UNDOTTED.get(text[0], text[0])
    if not first.isalpha():
        return text
    return unicodedata.normalize("NFC", first + mark) + text[1:]


def _raw_group(s: str, pos: int) -> tuple[str, int] | None:
    """Return the verbatim text of the brace group starting at pos (after spaces) and the end offset."""
    pos = _SKIP_WS.match(s, pos).end()  # type: ignore[union-attr]
    if pos >= len(s) or s[pos] != "{":
        return None
    depth = 1
    for m in _BRACE_SCAN.finditer(s, pos + 1):
        char = m.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return s[pos + 1 : m.start()], m.end()
    return s[pos + 1 :], len(s)  # unclosed: the rest of the field is the argument


def _clean_url(raw: str) -> str:
    """Undo the escapes BibTeX authors put in URLs; line wrapping may have put whitespace in it."""
    url = _URL_ESCAPE.sub(r"\1", _URL_TILDE.sub("~", raw))
    return _URL_JUNK.sub("", url)


def _math(tex: str, display: bool, mode: int) -> str:
    tex = WS.sub(" ", tex).strip()
    if not tex:
        return ""
    if mode != HTML:
        return f"$${tex}$$" if display else f"${tex}$"
    # MathML, drawn by the browser without a script; a formula latex2mathml cannot convert stays TeX, exactly
    # what pymdownx.arithmatex emits in "generic" mode, so the page's MathJax/KaTeX finds it.
    mathml = tex_to_mathml(tex, display)
    if mathml is not None:
        return mathml
    opening, closing = ("\\[", "\\]") if display else ("\\(", "\\)")
    return f'<span class="arithmatex">{opening}{escape(tex)}{closing}</span>'


def convert(s: str, mode: int, unknown: set[str] | None = None) -> str:
    """``s`` converted in ``mode`` (:data:`HTML`, :data:`TEXT` or :data:`SORT`); the names of unknown commands
    are added to ``unknown`` when it is given."""
    """Scan s once, appending output pieces to a flat list; frames only remember where groups began.

    The names of commands the scanner does not know (outside math) are added to ``unknown`` when given.
    """
    s = stack_accents(s)
    html = mode == HTML
    esc = (lambda t: str(escape(t))) if html else str
    out: list[str] = []  # never holds "" except a not-yet-filled tag placeholder
    stack: list[list] = [[0, None, []]]
    links = 0  # open \href links: an <a> inside an <a> is invalid HTML
    unclosed: set[str] = set()
    n = len(s)

    def emit(text: str) -> None:
        if text:
            out.append(esc(text))

    def put(markup: str) -> None:
        if markup:
            out.append(markup)

    def open_frame(closer: _Closer) -> None:
        nonlocal links
        if html and closer is not None and closer[0] in ("tag", "href"):
            out.append("")  # placeholder for the opening tag, filled when the group closes
            links += closer[0] == "href"
            stack.append([len(out) - 1, closer, []])
        else:
            stack.append([len(out), closer, []])

    def wrap(start: int, opening: str, closing: str) -> None:
        if len(out) > start + 1:
            out[start] = opening
            out.append(closing)
        else:
            del out[start:]  # empty group: no <em></em>

    def close_frame(frame: list) -> None:
        nonlocal links
        start, closer, switches = frame
        for at, opening, closing in reversed(switches):
            wrap(at, opening, closing)
        if closer is None:
            return
        kind = closer[0]
        if kind == "tag":
            if html:
                wrap(start, closer[1], closer[2])
        elif kind == "accent":
            if len(out) > start:
                # never put a mark on a tag or an entity
                if out[start] and not out[start].startswith(("<", "&")):
                    out[start] = _accent(out[start], closer[1])
            else:
                emit(closer[2])
        elif kind == "drop":
            del out[start:]
        elif kind == "href":
            url = closer[1]
            if html:
                links -= 1
                if len(out) == start + 1:
                    emit(url)
                if url.lower().startswith(_SAFE_SCHEMES) and links == 0:
                    out[start] = f'<a href="{escape(url)}">'
                    out.append("</a>")
                else:
                    del out[start]
            elif len(out) == start:
                emit(url)

    def take_arg(closer: _Closer, pos: int) -> int:
        """Apply closer to the command's argument: a {group}, one letter command, or one character."""
        p = _SKIP_WS.match(s, pos).end()  # type: ignore[union-attr]
        if p < n and s[p] == "{":
            open_frame(closer)
            return p + 1
        word = _WORD_AT.match(s, p)
        if word is not None and word.group(1) in LETTERS:
            arg, end = LETTERS[word.group(1)], word.end()
        elif p < n and SPECIAL.match(s, p) is None:
            arg, end = s[p], p + 1
        else:
            return pos  # nothing the command can act on: it vanishes
        open_frame(closer)
        emit(arg)
        close_frame(stack.pop())
        return end

    pos = 0
    while pos < n:
        m = _TOKEN.match(s, pos)
        if m is None:  # cannot happen: the alternatives cover every character; stay safe anyway
            pos += 1
            continue
        pos = m.end()
        kind = m.lastgroup
        if kind == "text":
            out.append(esc(m.group()))
        elif kind == "word":
            name = m.group("word")
            if name in SYMBOLS:
                emit(SYMBOLS[name])
            elif name in ACCENTS:
                pos = take_arg(("accent", *ACCENTS[name]), pos)
            elif name in TAG_ARGS:
                pos = take_arg(("tag", *TAG_ARGS[name]), pos)
            elif name in SWITCHES:
                if html:
                    out.append("")
                    stack[-1][2].append((len(out) - 1, *SWITCHES[name]))
            elif name in DROP_ARGS:
                pos = take_arg(None if mode == SORT else ("drop",), pos)
            elif name in INVISIBLE_ARGS:
                raw = _raw_group(s, pos)
                pos = raw[1] if raw is not None else pos
            elif name in ("url", "path", "href", "ensuremath"):
                raw = _raw_group(s, pos)
                if raw is None:
                    continue
                arg, pos = raw
                if name == "ensuremath":
                    put(_math(arg, False, mode))
                elif name == "href":
                    url = _clean_url(arg)
                    after = take_arg(("href", url), pos)
                    if after == pos:  # \href{u} without link text shows the address itself
                        emit(url)
                    pos = after
                else:
                    emit(_clean_url(arg))
            # Any other command is dropped; an argument it had is then read as a plain group, so its text stays.
            elif unknown is not None and name not in TYPESETTING:
                unknown.add(name)
        elif kind == "open":
            stack.append([len(out), None, []])
        elif kind == "close":
            if len(stack) > 1:  # a stray closing brace is dropped
                close_frame(stack.pop())
        elif kind == "sym":
            char = m.group("sym")
            if char in CONTROL_SYMBOLS:
                emit(CONTROL_SYMBOLS[char])
            elif char in ACCENTS:
                pos = take_arg(("accent", *ACCENTS[char]), pos)
            elif char in "([":
                closing = "\\)" if char == "(" else "\\]"
                # Remembering a failed search keeps a run of unclosed \( linear instead of quadratic.
                end = -1 if closing in unclosed else s.find(closing, pos)
                if end < 0:
                    unclosed.add(closing)
                else:
                    put(_math(s[pos:end], char == "[", mode))
                    pos = end + 2
            # other control symbols (\- \/ \@ \! stray \) ...) are typesetting hints: drop them
        elif kind == "dollar":
            display = len(m.group()) == 2
            math_end = (_DISPLAY_END if display else _INLINE_END).match(s, pos)
            if math_end is not None:
                put(_math(math_end.group(1), display, mode))
                pos = math_end.end()
            else:  # an unclosed $ is a literal dollar; a second $ gets its own chance to open math
                emit("$")
                pos = m.start() + 1
        elif kind == "punct":
            emit(PUNCT[m.group()])
        elif kind == "tilde":
            emit("\u00a0")
        # a lone trailing backslash ("bs") is dropped

    while len(stack) > 1:  # unclosed groups end with the field
        close_frame(stack.pop())
    close_frame(stack[0])
    return WS.sub(" ", "".join(out)).strip()
