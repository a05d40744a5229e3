"""Run labbook's macros without MkDocs, and read their output back through a page's Markdown.

The macros return HTML that mkdocs-macros pastes into the page's Markdown source. :func:`through_markdown`
converts such a page with Python-Markdown and the extensions sites commonly enable, so a test can check that
Markdown left the macro's HTML exactly as it was (see :func:`elements`).
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown

from labbook.macros import define_env

#: What a Material site typically enables (the example site's list plus the popular pymdownx extensions).
EXTENSIONS: list[Any] = [
    "attr_list", "md_in_html", "tables", "def_list", "footnotes", "abbr", "admonition", "toc",
    "pymdownx.arithmatex", "pymdownx.magiclink", "pymdownx.emoji", "pymdownx.critic", "pymdownx.keys",
    "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "pymdownx.betterem", "pymdownx.superfences",
    "pymdownx.inlinehilite", "pymdownx.progressbar", "pymdownx.smartsymbols",
]
EXTENSION_CONFIGS = {"pymdownx.arithmatex": {"generic": True}, "pymdownx.smartsymbols": {"ordinal_numbers": False}}


class FakeEnv:
    """The part of mkdocs-macros' ``env`` that labbook's macros use."""

    def __init__(self, project: Path) -> None:
        self.conf: dict[str, Any] = {"config_file_path": str(project / "mkdocs.yml"), "docs_dir": "docs",
                                     "plugins": {}, "use_directory_urls": True}
        self.page = SimpleNamespace(url="research/", file=SimpleNamespace(src_uri="research.md"))
        self.markdown = ""
        self.macros: dict[str, Callable[..., Any]] = {}

    def macro(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        self.macros[fn.__name__] = fn
        return fn


def macros_for(project: Path) -> dict[str, Callable[..., Any]]:
    """labbook's macros for the site in ``project`` (``data/`` read with the default options)."""
    env = FakeEnv(project)
    define_env(env)
    return env.macros


def through_markdown(page: str) -> str:
    """``page`` (Markdown with macro output pasted in) converted as MkDocs would."""
    return markdown.markdown(page, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(("start", tag, *sorted(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append(("text", " ".join(data.split())))


def elements(html: str) -> list[tuple[str, ...]]:
    """Start tags with their decoded attributes, end tags and non-blank text of ``html``, in order."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    merged: list[tuple[str, ...]] = []
    for item in parser.items:  # adjacent text pieces (split around a character reference) are one text
        if item[0] == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + item[1])
        else:
            merged.append(item)
    return merged
