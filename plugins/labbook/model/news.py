"""A dated news item from news.yml."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, PrivateAttr

from labbook.model.common import Record, Slug
from labbook.model.dates import WhenField
from labbook.text.slugs import slugify


class NewsItem(Record):
    """One news item. Its id (the anchor on the news page) is derived from date and title when not given."""

    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ("text",)

    id: Slug | None = None
    """Anchor on the news page (``/news/#<id>``); default: the date and the first words of the title."""
    date: WhenField
    """When it happened: ``2024-07`` or ``2024-07-15``."""
    title: str | None = None
    """A short headline (optional)."""
    text: str = Field(min_length=1)
    """The news, in Markdown; ``[paper](pub:KEY)`` and ``[name](person:ID)`` link to the lab's pages."""

    _anchor: str = PrivateAttr(default="")

    @property
    def anchor(self) -> str:
        """The unique anchor on the news page (set by the catalog; :meth:`derived_id` until then)."""
        return self._anchor or self.derived_id()

    def set_anchor(self, anchor: str) -> None:
        """Set the unique anchor (the catalog adds ``-2``, ``-3`` to derived ids that repeat)."""
        self._anchor = anchor

    def derived_id(self) -> str:
        """The id to use: the written one, or ``<date>-<first words of the title or text>``."""
        if self.id:
            return self.id
        # Link targets and emphasis marks are not words: "[paper](pub:x)" gives "paper".
        plain = re.sub(r"\]\([^)]*\)", "", self.title or self.text)
        words = " ".join(plain.split()[:6])
        return f"{self.date.iso[:10]}-{slugify(words, fallback='news')}"[:60].rstrip("-")
