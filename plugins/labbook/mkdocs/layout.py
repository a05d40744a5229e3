"""Counting what Material's side columns would show for a page (see :mod:`labbook.site.layout`)."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from labbook.site.layout import hidden_columns


def sidebar_entries(page: Page, nav: Navigation, *, tabs: bool) -> int:
    """Pages Material's left sidebar lists beside ``page``.

    With ``navigation.tabs`` the sidebar holds the active tab's section only: nothing for a page outside the
    navigation, the page itself for a top-level page. Without tabs it holds the whole navigation.
    """
    if not tabs:
        return _count_pages(nav.items)
    top: StructureItem | None = page if page.parent is None else page.parent
    while top is not None and top.parent is not None:
        top = top.parent
    if top is page:
        return 1 if any(item is page for item in nav.items) else 0
    return _count_pages(getattr(top, "children", None) or [])


def toc_entries(toc: Iterable[AnchorLink]) -> int:
    """Headings Material's table of contents lists (the page's ``<h1>`` is the title, not an entry)."""
    items = list(toc)
    if len(items) == 1 and items[0].level == 1:
        items = list(items[0].children)
    return sum(1 + _nested(item) for item in items)


def _nested(item: AnchorLink) -> int:
    return sum(1 + _nested(child) for child in item.children)


def hide_columns(page: Page, nav: Navigation, *, tabs: bool) -> None:
    """Add Material's ``hide`` entries to a generated page's metadata (keeping any already there)."""
    hidden = hidden_columns(sidebar_entries=sidebar_entries(page, nav, tabs=tabs), toc_entries=toc_entries(page.toc))
    if hidden:
        existing = page.meta.get("hide") or []
        page.meta["hide"] = [*existing, *(h for h in hidden if h not in existing)]


def _count_pages(items: Iterable[StructureItem]) -> int:
    total = 0
    for item in items:
        children = getattr(item, "children", None)
        total += _count_pages(children) if children else 1
    return total
