"""The plan of what labbook adds to a site: generated pages, export files, preludes and ``<head>`` links.

The planners in :mod:`labbook.site.pages` fill it; an adapter (MkDocs, the macros) reads it."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field

from markupsafe import Markup

from labbook.render.generated import GeneratedPage
from labbook.site.citation_store import CitationStore


@dataclass(frozen=True)
class HeadLink:
    """A file that every page announces in ``<head>`` (feeds, calendars): ``<link rel="alternate">``."""

    path: str
    type: str
    title: str


@dataclass
class SitePlan:
    """Pages (by ``src_uri``) and files (site path -> content) to add to a site, and the ``<head>`` links
    that point every page at its feeds."""

    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    existing: Container[str] = field(default_factory=set)
    #: HTML put before the content of a page the lab wrote (by ``src_uri``), given the page's base; e.g. the
    #: byline of a research note.
    preludes: dict[str, Callable[[str], str]] = field(default_factory=dict)
    head_links: list[HeadLink] = field(default_factory=list)
    #: Files of the lab's own (by site path) to publish with other content: photos without their metadata.
    replacements: dict[str, bytes] = field(default_factory=dict)
    #: Formatted citations kept between builds (and formatted ahead by workers); ``None`` formats as pages need.
    citations: CitationStore | None = None

    def add_page(self, page: GeneratedPage) -> None:
        """Add a page unless the lab wrote one at the same path (the lab's own page wins)."""
        if not any(src in self.existing for src in same_url_sources(page.src_uri)):
            self.pages[page.src_uri] = page

    def add_prelude(self, src_uri: str, html: Callable[[str], str]) -> None:
        """Put ``html(base)`` at the top of the lab's own page ``src_uri``."""
        self.preludes[src_uri] = html

    def add_file(self, path: str, content: str | bytes) -> None:
        """Add an export file unless the lab ships its own at that path."""
        if path not in self.existing:
            self.files[path] = content

    def replace_file(self, path: str, content: bytes) -> None:
        """Publish ``content`` in place of the lab's own file at ``path``."""
        self.replacements[path] = content

    def add_feed(self, path: str, content: bytes, title: str) -> None:
        """Add an Atom feed and announce it on every page (a feed the lab ships itself is announced too)."""
        self.add_file(path, content)
        self.announce(path, "application/atom+xml", title)

    def announce(self, path: str, media_type: str, title: str) -> None:
        """Link ``path`` from every page's ``<head>`` as an alternate (feed readers, calendar apps)."""
        self.head_links.append(HeadLink(path, media_type, title))


def head_links(plan: SitePlan, base: str) -> str:
    """The ``<link rel="alternate">`` elements of ``plan``'s feeds, for a page whose root is at ``base``."""
    link = Markup('<link rel="alternate" type="{}" title="{}" href="{}">\n')
    return str(Markup("").join(link.format(h.type, h.title, base + h.path) for h in plan.head_links))


def same_url_sources(src_uri: str) -> tuple[str, ...]:
    """Markdown paths that MkDocs publishes at the same URL as ``src_uri``.

    ``people/index.md`` and ``people.md`` give ``/people/``; ``people/ada.md``, ``people/ada/index.md`` and
    ``people/ada/README.md`` give ``/people/ada/``. A page the lab wrote at any of them wins.
    """
    stem = src_uri[: -len(".md")]
    if stem.endswith("/index"):
        folder = stem[: -len("/index")]
        return (src_uri, folder + ".md", folder + "/README.md")
    return (src_uri, stem + "/index.md", stem + "/README.md")
