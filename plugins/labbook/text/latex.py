"""Convert the TeX found in BibTeX field values into HTML fragments or plain Unicode text.

One hand-written, single-pass, non-recursive scanner serves every output: latexcodec alone gets
cases such as ``\\'{\\i}`` and ``\\foo{bar}`` wrong, and a recursive parser would hit Python's
recursion limit on deeply nested braces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from markupsafe import escape

from labbook.text.latex_commands import INVISIBLE_ARGS, TYPESETTING, stack_accents

__all__ = ["latex_to_html", "latex_to_text", "strip_tex_for_sort", "unknown_commands"]

_HTML: Final = 0
_TEXT: Final = 1
_SORT: Final = 2  # like _TEXT, but keeps \noopsort arguments: they exist precisely to steer sorting

_CACHE_SIZE: Final = 65536

# Strings without any of these characters cannot contain TeX markup, so they skip the scanner.
_SPECIAL = re.compile(r"[\\{}$~`'\-]")
# Deliberately not \s: that would also swallow the no-break spaces that ~ produces.
_WS = re.compile(r"[ \t\n\r\f\v]+")

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
_TEX_JUNK = re.compile(r"\\[A-Za-z]+|\\.?|[{}]", re.DOTALL)
_SAFE_SCHEMES: Final = ("http://", "https://", "mailto:")

# accent command -> (combining mark, spacing form used when the argument is empty, as in \~{})
_ACCENTS: Final[dict[str, tuple[str, str]]] = {
    "'": ("\u0301", "´"), "`": ("\u0300", "`"), "^": ("\u0302", "^"), '"': ("\u0308", "¨"),
    "~": ("\u0303", "~"), "=": ("\u0304", "¯"), ".": ("\u0307", "˙"), "u": ("\u0306", "˘"),
    "v": ("\u030c", "ˇ"), "H": ("\u030b", "˝"), "c": ("\u0327", "¸"), "k": ("\u0328", "˛"),
    "r": ("\u030a", "˚"), "d": ("\u0323", ""), "b": ("\u0331", ""), "t": ("\u0361", ""),
}  # fmt: skip
# Dotless letters carry the accent in TeX, but Unicode only composes with the dotted ones.
_UNDOTTED: Final = {"ı": "i", "ȷ": "j"}

_LETTERS: Final[dict[str, str]] = {
    "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
}  # fmt: skip
# Greek letters outside math are rare but real ("The \alpha-helix"); inside math they stay TeX.
_GREEK_NAMES: Final = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi "
    "chi psi omega varepsilon varphi vartheta Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
)
_GREEK: Final = dict(zip(_GREEK_NAMES.split(), "αβγδεζηθικλμνξπρστυφχψωεφϑΓΔΘΛΞΠΣΥΦΨΩ", strict=True))
_SYMBOLS: Final[dict[str, str]] = {
    **_LETTERS,
    "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—",
    "textquotesingle": "'", "textquotedbl": '"', "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "textasciitilde": "~", "textasciicircum": "^",
    "textbackslash": "\\", "textless": "<", "textgreater": ">", "textbar": "|", "textunderscore": "_",
    "textdollar": "$", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
    "textregistered": "®", "texttrademark": "™", "pounds": "£", "textsterling": "£", "euro": "€",
    "texteuro": "€", "textdegree": "°", "textperiodcentered": "·", "textbullet": "•", "dag": "†",
    "ddag": "‡", "textdagger": "†", "guillemotleft": "«", "guillemotright": "»", "slash": "/",
    "quad": " ", "qquad": " ", "space": " ", "newline": " ", "par": " ", "LaTeX": "LaTeX",
    "TeX": "TeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "pm": "±", "times": "×", "infty": "∞",
    **_GREEK,
}  # fmt: skip
_CONTROL_SYMBOLS: Final[dict[str, str]] = {
    "&": "&", "%": "%", "_": "_", "$": "$", "#": "#", "{": "{", "}": "}", "\\": " ", " ": " ",
    "\n": " ", "\t": " ", "\r": " ", ",": "\u202f", ";": " ", ":": " ", ">": " ",
}  # fmt: skip
_TAG_ARGS: Final[dict[str, tuple[str, str]]] = {
    "emph": ("<em>", "</em>"), "textit": ("<em>", "</em>"), "textsl": ("<em>", "</em>"),
    "textbf": ("<strong>", "</strong>"), "texttt": ("<code>", "</code>"),
    "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
}  # fmt: skip
# Font switches last until the end of the enclosing group: {\em x} == \emph{x}.
_SWITCHES: Final[dict[str, tuple[str, str]]] = {
    "em": ("<em>", "</em>"), "it": ("<em>", "</em>"), "itshape": ("<em>", "</em>"),
    "sl": ("<em>", "</em>"), "slshape": ("<em>", "</em>"), "bf": ("<strong>", "</strong>"),
    "bfseries": ("<strong>", "</strong>"), "tt": ("<code>", "</code>"), "ttfamily": ("<code>", "</code>"),
}  # fmt: skip
_DROP_ARGS: Final = frozenset({"noopsort", "sortnoop", "SortNoop"})
_PUNCT: Final = {"-": "-", "--": "–", "---": "—", "``": "“", "''": "”", "`": "‘", "'": "'"}
_SORT_FOLD: Final = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ȷ": "j", "đ": "d", "Đ": "D", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ŋ": "ng", "Ŋ": "NG",
})  # fmt: skip

# A frame is [start index in the output list, closer, switches]; closers are tuples whose first
# item says what happens to the frame's output when its group ends.
_Closer = tuple[str, ...] | None


def _accent(text: str, mark: str) -> str:
    """Put a combining mark on the first letter of text, composing it where Unicode can."""
    first = _UNDOTTED.get(text[0], text[0])
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
    tex = _WS.sub(" ", tex).strip()
    if not tex:
        return ""
    if mode != _HTML:
        return f"$${tex}$$" if display else f"${tex}$"
    # Exactly what pymdownx.arithmatex emits in "generic" mode, so the page's MathJax/KaTeX finds it.
    opening, closing = ("\\[", "\\]") if display else ("\\(", "\\)")
    return f'<span class="arithmatex">{opening}{escape(tex)}{closing}</span>'


def _convert(s: str, mode: int, unknown: set[str] | None = None) -> str:
    """Scan s once, appending output pieces to a flat list; frames only remember where groups began.

    The names of commands the scanner does not know (outside math) are added to ``unknown`` when given.
    """
    s = stack_accents(s)
    html = mode == _HTML
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
        if word is not None and word.group(1) in _LETTERS:
            arg, end = _LETTERS[word.group(1)], word.end()
        elif p < n and _SPECIAL.match(s, p) is None:
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
            if name in _SYMBOLS:
                emit(_SYMBOLS[name])
            elif name in _ACCENTS:
                pos = take_arg(("accent", *_ACCENTS[name]), pos)
            elif name in _TAG_ARGS:
                pos = take_arg(("tag", *_TAG_ARGS[name]), pos)
            elif name in _SWITCHES:
                if html:
                    out.append("")
                    stack[-1][2].append((len(out) - 1, *_SWITCHES[name]))
            elif name in _DROP_ARGS:
                pos = take_arg(None if mode == _SORT else ("drop",), pos)
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
            if char in _CONTROL_SYMBOLS:
                emit(_CONTROL_SYMBOLS[char])
            elif char in _ACCENTS:
                pos = take_arg(("accent", *_ACCENTS[char]), pos)
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
            emit(_PUNCT[m.group()])
        elif kind == "tilde":
            emit("\u00a0")
        # a lone trailing backslash ("bs") is dropped

    while len(stack) > 1:  # unclosed groups end with the field
        close_frame(stack.pop())
    close_frame(stack[0])
    return _WS.sub(" ", "".join(out)).strip()


def _fold(plain: str) -> str:
    """Lowercase, accent-free form of converted text, for sorting and matching."""
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).translate(_SORT_FOLD)
    return _WS.sub(" ", plain.replace("$", "").replace("\u00a0", " ")).strip().casefold()


@lru_cache(maxsize=_CACHE_SIZE)
def _cached(text: str, mode: int) -> str:
    if _SPECIAL.search(text) is not None:
        try:
            result = _convert(text, mode)
        except Exception:  # the scanner is tested not to raise; this net only keeps a site build alive
            text = _TEX_JUNK.sub(" ", text)
        else:
            return _fold(result) if mode == _SORT else result
    plain = _WS.sub(" ", text).strip()
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
    (em, strong, code, sup, sub, a with an http(s)/mailto href, and arithmatex math spans).
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
