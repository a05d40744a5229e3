"""Rendering the theme once per shape of generated page, instead of once per page.

A lab's publication, person, talk and project pages are thousands of pages that differ, as far as the theme
is concerned, only in their title, description, address and content: none is in the nav, all sit at the same
depth, none has a table of contents of its own. Rendering Material's templates for each (the header, the whole
nav, the footer, ``<head>``) is most of what such a page costs. So the first page of each shape is rendered by
MkDocs as usual, and rendered once more with markers in place of its title, description, canonical address
and content; the pages of the same shape are then made by putting their own values where the markers are.

It is exact, and checked on every build:

- A page's *shape* is everything else the theme reads: its template, depth, edit link, front matter other
  than title and description, table of contents, neighbours in the nav, and any value another plugin adds to
  the template's context. Pages of different shapes never share a rendering.
- Only titles and descriptions that no template filter changes (no ``<``, ``>``, ``&``, quotes, backslashes,
  control characters or runs of spaces) are filled in; a page with any other is rendered in full.
- The first page of a shape is also rendered by MkDocs in full, and the filled-in version must equal it, or
  the shape is not used (its pages are rendered in full). A shape whose marked rendering shows the page's own
  address anywhere but where the markers are is not used either.

Every other part of a page's build is MkDocs' own: Markdown, every plugin's page events (search indexes the
page, the sitemap lists it), and writing the file. Only the template the page renders is a one-line one
(``labbook-shape.html``) that prints the filled-in HTML. ``LABBOOK_PAGE_SHAPES=0`` renders every page in full.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass

import jinja2
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

from labbook.mkdocs.theme_files import theme_state

#: The template a filled-in page renders: it prints the page's ``labbook_html`` (kept in its meta until then).
SHAPE_TEMPLATE = "labbook-shape.html"
HTML_KEY = "labbook_html"
#: Markers for the values a shape is filled with. Those of the title and description have spaces and both
#: cases, so a filter that would change a title (``urlencode``, ``upper``, ``truncate``) changes the marker too,
#: and the check of the model page fails. Material writes an ``<h1>`` of the title only when the content has
#: none (partials/content.html), so the content's marker has one exactly when the page's content has.
_MARKS = {"title": "lbShape Title MarkerQz", "description": "lbShape Description MarkerQz",
          "content": "lbShapeContentQz", "content_h1": "lbShapeContentQz<h1 lbShapeContentEndQz",
          "canonical": "lbShapeCanonicalQz", "abs": "lbShapeAbsoluteQz"}
_SPLIT = re.compile("(" + "|".join(re.escape(m) for m in sorted(_MARKS.values(), key=len, reverse=True)) + ")")
_SLOT_OF = {mark: slot.removesuffix("_h1") for slot, mark in _MARKS.items()}
#: The ways a template may read a page's content that a shape can follow: print it, or ask if it has an <h1>.
_CONTENT_READS = re.compile(r"\{\{-?\s*page\.content\s*-?\}\}|\"\\u003ch1\" not in page\.content")
_CONTENT = re.compile(r"page\.content\b")
#: Values a template filter could change: markup and quote characters, backslashes, control characters,
#: leading, trailing or repeated white space.
_NOT_INERT = re.compile(r"[<>&\"'\\\x00-\x1f\x7f]|\s\s|^\s|\s$")
#: What MkDocs itself puts in every page's template context.
_STANDARD_CONTEXT = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                               "build_date_utc", "config", "page"})


def inert(value: str | None) -> bool:
    """Whether every template filter leaves ``value`` as it is (None counts: it is never printed)."""
    return value is None or (isinstance(value, str) and not _NOT_INERT.search(value))


@dataclass
class Shape:
    """A marked rendering, cut at its markers: literal text at even positions, slot names at odd ones."""

    parts: list[str]
    verified: bool = False

    def fill(self, values: dict[str, str]) -> str:
        """The rendering with each marker replaced by its value."""
        return "".join(part if i % 2 == 0 else values[part] for i, part in enumerate(self.parts))


def _values(page: Page) -> dict[str, str]:
    return {"title": str(page.title or ""), "description": str(page.meta.get("description") or ""),
            "content": page.content or "", "canonical": page.canonical_url or "", "abs": page.abs_url or ""}


def _toc(links: list[AnchorLink]) -> list[object]:
    return [(a.title, a.id, a.level, _toc(a.children)) for a in links]


def _has_h1(page: Page) -> bool:
    return "<h1" in (page.content or "")


#: The last answer of :func:`follows_content`, by the state of the templates it read (`mkdocs serve` asks on every
#: rebuild; listing and reading Material's templates each time costs a tenth of a second).
_FOLLOWS: dict[str, bool] = {}


def follows_content(env: jinja2.Environment) -> bool:
    """Whether every template of ``env`` reads ``page.content`` only in ways a shape follows (see
    :data:`_CONTENT_READS`); a lab's override that tests the content otherwise turns shapes off."""
    loader = env.loader
    key = repr(theme_state(loader.searchpath)) if isinstance(loader, jinja2.FileSystemLoader) else None
    if key is not None and key in _FOLLOWS:
        return _FOLLOWS[key]
    answer = _follows_content(env)
    if key is not None:
        _FOLLOWS.clear()
        _FOLLOWS[key] = answer
    return answer


def _follows_content(env: jinja2.Environment) -> bool:
    try:
        names = env.list_templates(filter_func=lambda name: name.endswith((".html", ".xml", ".j2")))
        assert env.loader is not None
        for name in names:
            source = env.loader.get_source(env, name)[0]
            if len(_CONTENT.findall(source)) != len(_CONTENT_READS.findall(source)):
                return False
    except (TypeError, jinja2.TemplateError, OSError):
        return False  # a loader that cannot list or read its templates: no way to know
    return True


def _key(page: Page, context: TemplateContext, template: str) -> str:
    meta = {k: v for k, v in page.meta.items() if k not in ("title", "description", "template", HTML_KEY)}
    plain: dict[str, object] = dict(context)
    extra = {k: plain[k] for k in sorted(set(plain) - _STANDARD_CONTEXT)}
    neighbours = [p.url if p is not None else None for p in (page.previous_page, page.next_page, page.parent)]
    return repr((template, page.url.count("/"), page.edit_url, sorted(meta.items(), key=lambda kv: kv[0]),
                 _toc(list(page.toc)), neighbours, extra, context.get("base_url"), _has_h1(page)))


class PageShapes:
    """The shapes of one build, and which pages are filled in from them."""

    def __init__(self) -> None:
        self.enabled = os.environ.get("LABBOOK_PAGE_SHAPES", "1").strip() != "0"
        self.env: jinja2.Environment | None = None
        self.begin()

    def use(self, env: jinja2.Environment) -> None:
        """The theme's templates of the current build (MkDocs hands them to plugins in ``on_env``, after the
        pages' content is made and before any is rendered)."""
        self.env = env
        if not follows_content(env):
            self._shape_pages.clear()  # no model, no shape: every page is rendered in full

    def begin(self) -> None:
        """Forget the last build's shapes (each build renders its own)."""
        self._shape_pages: dict[str, str] = {}  # src_uri -> template of a page rendered in full, as a model
        self._filled: dict[str, str] = {}  # src_uri -> template of a page to fill in
        self._seen_groups: set[tuple[object, ...]] = set()
        self._shapes: dict[str, Shape | None] = {}
        self._keys: dict[str, str] = {}
        self.filled = 0
        """How many pages of this build were filled in from a shape."""

    def summary(self) -> str | None:
        """What this build did, for the log (None when no page was filled in)."""
        if not self.filled:
            return None
        shapes = sum(1 for shape in self._shapes.values() if shape is not None and shape.verified)
        pages = "page" if self.filled == 1 else "pages"
        renderings = "rendering" if shapes == 1 else "renderings"
        return f"{self.filled} generated {pages} filled in from {shapes} {renderings} of the theme"

    def plan(self, page: Page, kind: object) -> None:
        """Decide, once its content is made, whether a generated page not in the nav is a shape's model (the
        first of its ``kind`` at its depth) or is filled in from one; pages with titles a filter could change
        are neither."""
        if not self.enabled or not inert(page.title) or not inert(page.meta.get("description")):
            return
        template = str(page.meta.get("template", "main.html"))
        group = (template, page.url.count("/"), kind)
        if group in self._seen_groups:
            self._filled[page.file.src_uri] = template
            page.meta["template"] = SHAPE_TEMPLATE
        else:
            self._seen_groups.add(group)
            self._shape_pages[page.file.src_uri] = template

    def context(self, page: Page, context: TemplateContext) -> None:
        """At the page's template context: mark a model's rendering, or fill in a page (rendering it in full
        when its shape is missing or did not check out)."""
        src = page.file.src_uri
        if src in self._shape_pages:
            template = self._shape_pages[src]
            key = self._keys[src] = _key(page, context, template)
            if key not in self._shapes:
                self._shapes[key] = self._marked(page, context, template)
            return
        template = self._filled.get(src)
        if template is None:
            return
        shape = self._shapes.get(_key(page, context, template))
        if shape is not None and shape.verified:
            html = shape.fill(_values(page))
            self.filled += 1
        else:
            assert self.env is not None
            html = self.env.get_template(template).render(context)
        page.meta[HTML_KEY] = Markup(html)

    def check(self, page: Page, output: str) -> None:
        """At a page's finished rendering (before any other change to it): a model's shape is used only if
        filling it in gives the same page; a filled-in page's HTML leaves its meta."""
        page.meta.pop(HTML_KEY, None)
        key = self._keys.get(page.file.src_uri)
        if key is None:
            return
        shape = self._shapes.get(key)
        if shape is not None and not shape.verified:
            if shape.fill(_values(page)) == output:
                shape.verified = True
            else:
                self._shapes[key] = None

    def _marked(self, page: Page, context: TemplateContext, template: str) -> Shape | None:
        if self.env is None:
            return None
        probe = copy.copy(page)
        probe.meta = {**page.meta, "title": _MARKS["title"]}
        if "description" in page.meta:
            probe.meta["description"] = _MARKS["description"]
        probe.content = _MARKS["content_h1" if _has_h1(page) else "content"]
        probe.canonical_url = _MARKS["canonical"] if page.canonical_url else page.canonical_url
        probe.abs_url = _MARKS["abs"] if page.abs_url else page.abs_url
        marked = self.env.get_template(template).render({**context, "page": probe})
        own = page.url.rstrip("/").rsplit("/", 1)[-1]
        if own and own in _SPLIT.sub("", marked):
            return None  # the page's own address shows where no marker is: it is not one shape
        return Shape([_SLOT_OF.get(p, p) if i % 2 else p for i, p in enumerate(_SPLIT.split(marked))])
