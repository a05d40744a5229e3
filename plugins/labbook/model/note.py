"""A research note: a Markdown page under docs/notes/ whose front matter says who wrote it and where it stands."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, PrivateAttr

from labbook.model.common import Record
from labbook.model.dates import WhenField

#: Front matter keys that belong to MkDocs, Material or mkdocs-macros; they are allowed on notes and not read.
PAGE_KEYS: frozenset[str] = frozenset({
    "template", "hide", "icon", "subtitle", "description", "search", "render_macros", "comments", "social",
    "robots", "toc_depth", "nav_title", "ignore_macros", "tags_ignore",
})

NOTE_STATUS: dict[str, str] = {"idea": "Idea", "ongoing": "Ongoing", "done": "Done"}


class Note(Record):
    """The front matter of one research note (the rest of the page is ordinary Markdown)."""

    REF_FIELDS: ClassVar[dict[str, str]] = {"authors": "person"}

    title: str | None = Field(default=None, min_length=1)
    """The note's title (default: its first heading, or the file name)."""
    authors: list[str] = Field(default_factory=list)
    """Person ids from people.yml."""
    date: WhenField | None = None
    """When it was started or last updated."""
    status: Literal["idea", "ongoing", "done"] | None = None
    """idea, ongoing or done."""
    tags: list[str] = Field(default_factory=list)
    """Tags (topics)."""

    _src_uri: str = PrivateAttr(default="")
    _page_title: str = PrivateAttr(default="")

    def attach(self, src_uri: str, page_title: str) -> None:
        """Remember the page (path under docs/) and the title found in it."""
        self._src_uri = src_uri
        self._page_title = page_title

    @property
    def src_uri(self) -> str:
        """The note's path under docs/ (``notes/lora.md``)."""
        return self._src_uri

    @property
    def display_title(self) -> str:
        """``title``, else the page's first heading, else the file name."""
        return self.title or self._page_title

    @property
    def status_label(self) -> str:
        """The human label of :attr:`status`."""
        return NOTE_STATUS.get(self.status or "", "")
