"""Markup in the services' text (JATS and HTML tags, MathML) turned into TeX for a BibTeX field.

Crossref abstracts are JATS XML (``<jats:p>``, ``<jats:italic>``), titles carry HTML (``<i>``, ``<sub>``) and
both may hold MathML; arXiv's text is already TeX. Everything becomes TeX that labbook's own LaTeX reader
shows again: italics as ``\\emph``, sub/superscripts, and math as ``$...$`` for the page's math renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%", "#": r"\#",
    "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
}  # fmt: skip
_SPECIAL_RE = re.compile(r"[\\{}$&%#_^~]")
_MATH_SPECIAL = {"#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "{": r"\{", "}": r"\}", "_": r"\_",
                 "\\": r"\backslash "}
_MATH_SPECIAL_RE = re.compile(r"[#$%&{}_\\]")
_MO = {"−": "-", "≤": r"\leq ", "≥": r"\geq ", "×": r"\times ", "±": r"\pm ", "·": r"\cdot ", "∞": r"\infty ",
       "→": r"\to ", "≈": r"\approx ", "≠": r"\neq ", "∑": r"\sum ", "∫": r"\int ", "∏": r"\prod "}
_WRAP = {"i": r"\emph", "italic": r"\emph", "em": r"\emph", "b": r"\textbf", "bold": r"\textbf",
         "strong": r"\textbf", "sub": r"\textsubscript", "sup": r"\textsuperscript", "sc": r"\textsc",
         "scp": r"\textsc", "monospace": r"\texttt", "tt": r"\texttt", "code": r"\texttt"}
_BLOCKS = frozenset({"p", "sec", "title", "list-item", "br", "div", "li"})
_SKIP = frozenset({"label", "xref", "fn", "ext-link-hidden", "script", "style"})
_WS = re.compile(r"\s+")
_PAREN_SPACE = re.compile(r"(\() | (\))")
_SPACE_BEFORE_PUNCT = re.compile(r"\} ([.,;:!?])")
_ACRONYM = re.compile(r"(?<![\w\\{])(\w*[A-Z]\w*[A-Z]\w*|[a-z]\w*[A-Z]\w*)(?![\w}])")
#: TeX math some services leave in titles ("$\\sqrt{s}=7$ TeV"); only spans that look like TeX, so that
#: "$5 and $10" stays money.
_TEX_MATH = re.compile(r"(\$[^$]*[\\^_{][^$]*\$)")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _Tree(HTMLParser):
    """A forgiving tree builder: JATS fragments use undeclared prefixes and are not always well formed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag.split(":")[-1].lower(), {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag.split(":")[-1].lower() not in ("br", "mspace", "none"):
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag.split(":")[-1].lower(), {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        name = tag.split(":")[-1].lower()
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == name:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def markup_to_tex(text: str, protect_acronyms: bool = False) -> str:
    """TeX for a fragment of JATS/HTML/MathML (or plain text): specials escaped, markup and math converted.

    With ``protect_acronyms`` (for titles), words with inner capitals (``ROC``, ``PIK3CA``, ``mRNA``) are
    wrapped in braces so that bibliography styles do not lower-case them.
    """
    if "<" not in text and "&" not in text:
        return _text(_WS.sub(" ", text).strip(), protect_acronyms)
    parser = _Tree()
    parser.feed(text)
    parser.close()
    out = _WS.sub(" ", _convert(parser.root, protect_acronyms)).strip()
    # Crossref pretty-prints inline markup on lines of its own: "p110α (\n  <i>PIK3CA</i>\n  )".
    out = _PAREN_SPACE.sub(lambda m: m.group(1) or m.group(2), out)
    return _SPACE_BEFORE_PUNCT.sub(r"}\1", out)  # "<i>C. maculatus</i>\n ." -> "\emph{C. maculatus}."


def _text(text: str, protect: bool) -> str:
    if "$" in text:
        parts = _TEX_MATH.split(text)
        return "".join(part if index % 2 else _plain(part, protect) for index, part in enumerate(parts))
    return _plain(text, protect)


def _plain(text: str, protect: bool) -> str:
    escaped = _SPECIAL_RE.sub(lambda m: _TEX_SPECIAL[m.group()], text)
    if protect and not _all_caps(text):
        escaped = _ACRONYM.sub(lambda m: "{" + m.group(1) + "}", escaped)
    return escaped


def _all_caps(text: str) -> bool:
    # An ALL-CAPS title would be braced word by word; styles lower-casing it is the better outcome.
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and all(c.isupper() for c in letters)


def _convert(node: _Node, protect: bool) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(_text(child, protect))
            continue
        if child.tag in _SKIP or (child.tag == "title" and _heading_only(child)):
            continue
        if child.tag == "math":
            parts.append(_math_node(child))
        elif child.tag == "inline-formula" or child.tag == "disp-formula":
            parts.append(_convert(child, protect))
        elif child.tag in _WRAP:
            inner = _convert(child, protect).strip()
            parts.append(f"{_WRAP[child.tag]}{{{inner}}}" if inner else "")
        elif child.tag in _BLOCKS:
            parts.append(" " + _convert(child, protect) + " ")
        else:
            parts.append(_convert(child, protect))
    return "".join(parts)


def _heading_only(node: _Node) -> bool:
    """A JATS section title that only says "Abstract" (the field already says so)."""
    text = "".join(c for c in node.children if isinstance(c, str)).strip().rstrip(".:").lower()
    return text in ("abstract", "summary", "graphical abstract")


def _math_node(node: _Node) -> str:
    tex = _annotation(node)
    if tex is None:
        tex = _WS.sub(" ", _mathml(node)).strip()
    if not tex:
        return ""
    display = node.attrs.get("display") == "block"
    return f"$${tex}$$" if display else f"${tex}$"


def _annotation(node: _Node) -> str | None:
    """The TeX a MathML block carries itself (``<annotation encoding="application/x-tex">``), if any."""
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == "annotation" and "tex" in child.attrs.get("encoding", "").lower():
                return "".join(c for c in child.children if isinstance(c, str)).strip()
            found = _annotation(child)
            if found is not None:
                return found
    return None


def _mathml(node: _Node) -> str:
    kids = [c for c in node.children if isinstance(c, _Node)]
    args = [_group(_mathml(c)) for c in kids]
    tag = node.tag
    if tag in ("mi", "mn", "mo", "mtext", "ms"):
        raw = "".join(c for c in node.children if isinstance(c, str)).strip()
        if tag == "mtext":
            return r"\text{" + _MATH_SPECIAL_RE.sub(lambda m: _MATH_SPECIAL[m.group()], raw) + "}"
        escaped = _MATH_SPECIAL_RE.sub(lambda m: _MATH_SPECIAL[m.group()], raw)
        return "".join(_MO.get(ch, ch) for ch in escaped) if tag == "mo" else escaped
    if tag == "msub" and len(args) == 2:
        return f"{args[0]}_{args[1]}"
    if tag == "msup" and len(args) == 2:
        return f"{args[0]}^{args[1]}"
    if tag in ("msubsup", "munderover") and len(args) == 3:
        return f"{args[0]}_{args[1]}^{args[2]}"
    if tag == "munder" and len(args) == 2:
        return f"{args[0]}_{args[1]}"
    if tag == "mover" and len(args) == 2:
        return rf"\overset{{{args[1]}}}{{{args[0]}}}"
    if tag == "mfrac" and len(args) == 2:
        return rf"\frac{{{args[0]}}}{{{args[1]}}}"
    if tag == "msqrt":
        return rf"\sqrt{{{''.join(args)}}}"
    if tag == "mroot" and len(args) == 2:
        return rf"\sqrt[{args[1]}]{{{args[0]}}}"
    if tag == "mfenced":
        return "(" + ",".join(args) + ")"
    if tag in ("annotation", "annotation-xml"):
        return ""
    return "".join(_mathml(c) for c in kids)


def _group(tex: str) -> str:
    tex = tex.strip()
    return tex if len(tex) == 1 else "{" + tex + "}"


def arxiv_text_to_tex(text: str, protect_acronyms: bool = False) -> str:
    """arXiv's title or abstract, which authors write in TeX: kept, with what would break a BibTeX field fixed.

    Whitespace is folded; a bare ``%``, ``&`` or ``#`` outside math is escaped (in TeX they are a comment, a
    table cell and a parameter), and unbalanced braces are escaped so the entry stays readable.
    """
    text = _WS.sub(" ", text).strip()
    parts = re.split(r"(\$\$.+?\$\$|\$[^$]+\$)", text)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(r"(?<!\\)([%&#])", r"\\\1", parts[index])
        if protect_acronyms and not _all_caps(parts[index]):
            parts[index] = _ACRONYM.sub(lambda m: "{" + m.group(1) + "}", parts[index])
    out = "".join(parts)
    if not _balanced(out):
        out = re.sub(r"(?<!\\)([{}])", r"\\\1", out)
    return out


def _balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group()
        depth += 1 if token == "{" else -1 if token == "}" else 0
        if depth < 0:
            return False
    return depth == 0
