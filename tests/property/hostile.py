"""Hypothesis strategies for hostile values: any text, plus the fragments that matter to HTML, Markdown,
MathJax, URLs, YAML escapes, file names and CI logs. Markers (``lbx``) make anything that escapes findable:
an element or attribute whose name starts with ``lbx`` or ``on`` can only have come from data."""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = [
    "<lbx-tag>", '" lbxattr="1', "' onlbx='1", "![x lbxattr=1 onfocus=alert(1) y](z)", "[a](javascript:alert(1))",
    "<https://evil.example>", "www.evil.example", ":smile:", "{: onlbx=1}", "*em* __b__ `c` ==m== ~~d~~",
    "| a | b |", "\n\n    code\n# h\n- li\n", "$\\href{javascript:alert(1)}{x}$", "\\style{position:fixed}",
    "\\class{md-header}", "\\cssId{lbx}", "\\require{html}", "\\unicode{x41}", "{{ 6*7007 }}", "{% raw %}",
    "/\\evil.example/x", "\\\\evil.example", "/\t/evil.example", "java\tscript:alert(1)", "\x1b", "\x1a",
    "\x00", "\x01", "\x7f", "\x85", "\ufffe", "\uffff", "\ud800", "\udfff", "\u202e", "\u2028", "\U0001fffe",
    "\n::warning file=x::lbx", "\r\n::add-mask::lbx", "%0A::error::lbx", "&amp;", "&#60;lbx-e&#62;", "&lt;",
    "index", "con", "NUL", "com1", "lpt9", "x" * 90, "../../etc/x", "people", "@string", "#", "%", "\\",
    "![p](https://tracker.example/p.png)",
]

any_char_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=12)
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), any_char_text), min_size=1, max_size=5).map("".join)
hostile_url = st.one_of(st.sampled_from([
    "/\\evil.example/x", "\\/evil.example", "\\\\evil.example", "//evil.example", "/\t/evil.example",
    " /\\evil.example", "java\tscript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "https:evil.example",
    "https://ok.example/x", "files/x.pdf", "\x01https://ok.example", "https://tracker.example/p.png",
]), hostile)
hostile_key = st.one_of(st.sampled_from(["index", "con", "NUL", "com1.txt", "lpt9", "x" * 90, "people",
                                         "a/b", "学习", "index-entry"]),
                        st.text(alphabet=st.characters(codec="utf-8", exclude_characters=",{}()\"= \t\n\r%#@"),
                                min_size=1, max_size=20))
hostile_id = st.one_of(st.sampled_from(["index", "con", "nul", "aux", "prn", "com1", "lpt9", "t" * 81, "ok-id"]),
                       st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True))
hostile_date = st.one_of(st.sampled_from(["9999-12-31", "0001-01-01", "9999", "0001-01-01T00:00:00+05:00",
                                          "9999-12-31T23:59:00-05:00", "2024-02-30", "2024-05-01", "2024-05"]),
                         hostile)


def yaml_quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar; every character that is not printable ASCII is an escape, so
    any code point (controls, lone surrogates, noncharacters) reaches the loader as data."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def bib_braced(text: str) -> str:
    """``text`` for a braced BibTeX value: braces balanced by escaping them, no lone surrogates (a file is
    UTF-8); everything else stays, controls included."""
    text = text.encode("utf-8", "replace").decode("utf-8").replace("{", "\\{").replace("}", "\\}")
    return text.rstrip("\\") or "x"
