"""A page labbook adds to the site, in a form any static-site adapter can use.

A generated page is a small Markdown skeleton (front matter, title, headings for the table of contents) with
empty slot elements; the adapter replaces each slot with HTML rendered from templates after Markdown has run,
so data never passes through Markdown or a macro engine.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import escape

from labbook.text.markdown_text import with_base

SLOT = '<div class="lb-slot" data-lb-slot="{}"></div>'
_SLOT_RE = re.compile(r'<div class="lb-slot" data-lb-slot="([^"<>]*)"></div>')
#: Where HTML goes into the finished page rather than its content (see :attr:`GeneratedPage.late`).
LATE = "<!--lb-late:{}-->"
_LATE_RE = re.compile(r"<!--lb-late:([a-z-]+)-->")


@dataclass
class GeneratedPage:
    """One page to add to the site.

    Attributes:
        src_uri: the Markdown path it pretends to have in docs/ (``publications/index.md``).
        markdown: front matter and skeleton, with :data:`SLOT` markers.
        slots: given the page's ``base`` (relative path to the site root), the HTML of every slot.
        late: given the page's base, HTML for the :data:`LATE` markers of its content, put into the finished
            page: parts the site's search should not read (a menu of formatted citations, excluded from the
            index anyway, would only cost the search plugin time to skip on every page).
        head: given the page's absolute URL (or ``None``) and base, extra HTML for ``<head>``.
        edit_path: the data file a contributor edits to change this page (for the edit button).
        in_nav: whether the page may appear in an automatic navigation.
        reuse_key: a digest of everything this page's own HTML is made from, besides what all pages share
            (options, templates, the theme), when the page can tell; `mkdocs serve` reuses the output of an
            earlier build for a page whose key did not change.
    """

    src_uri: str
    markdown: str
    slots: Callable[[str], dict[str, str]]
    head: Callable[[str | None, str], str] | None = None
    late: Callable[[str], dict[str, str]] | None = None
    edit_path: str | None = None
    in_nav: bool = True
    meta: dict[str, object] = field(default_factory=dict)
    reuse_key: str | None = None

    def fill(self, html: str, base: str) -> str:
        """Put the rendered slots into the HTML that Markdown produced from the skeleton."""
        contents = self.slots(base)
        # One pass over the page: replacing slot after slot would copy a long page once per slot.
        parts = _SLOT_RE.split(html)
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            slot_id = parts[i]
            out.append(contents.pop(slot_id) if slot_id in contents else SLOT.format(slot_id))
            out.append(parts[i + 1])
        return with_base("".join(out), base)


    def finish(self, output: str, base: str) -> str:
        """The finished page with the :attr:`late` parts at their markers (markers without a part stay)."""
        if self.late is None or "<!--lb-late:" not in output:
            return output
        parts = self.late(base)
        return _LATE_RE.sub(lambda m: with_base(parts[m.group(1)], base) if m.group(1) in parts else m.group(0),
                            output)


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter with ``render_macros: false``, so macro engines never run over generated pages.

    ``title`` and every string in ``extra`` are plain text. They are HTML-escaped here, once, because themes
    print front matter without escaping (Material writes ``page.meta.title`` into ``<title>`` and the header,
    and ``description`` into a ``<meta>`` attribute): a title from data must not become markup there.
    """
    lines = ["---", f"title: {json.dumps(str(escape(title)), ensure_ascii=False)}", "render_macros: false"]
    for key, value in extra.items():
        safe = str(escape(value)) if isinstance(value, str) else value
        lines.append(f"{key}: {json.dumps(safe, ensure_ascii=False)}")
    return "\n".join([*lines, "---", ""])


def heading(level: int, text: str) -> str:
    """A Markdown heading whose text cannot be read as Markdown (special characters become entities)."""
    # = ^ @ (mark, caret, mentions) and line breaks too: nothing in a name may become markup or a new line.
    safe = "".join(f"&#{ord(ch)};" if ch in "\\`*_{}[]()#+-.!<>&|~:=^@\n\r\t" else ch for ch in text)
    return f"{'#' * level} {safe}"


def insert_prelude(html: str, prelude: str) -> str:
    """``prelude`` at the top of a page's content, after its ``<h1>`` when the page starts with one."""
    stripped = html.lstrip()
    if stripped.startswith("<h1"):
        end = stripped.find("</h1>")
        if end >= 0:
            end += len("</h1>")
            return stripped[:end] + "\n" + prelude + stripped[end:]
    return prelude + html
