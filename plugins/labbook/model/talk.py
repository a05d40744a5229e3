"""A talk from talks.yml: given by a lab member (a person id) or a guest (a plain name)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from labbook.model.common import Record, Slug, Url
from labbook.model.dates import WhenField

#: Kinds of talk, with the label shown on the page.
TALK_KINDS: dict[str, str] = {
    "invited": "Invited talk",
    "conference": "Conference talk",
    "seminar": "Seminar",
    "keynote": "Keynote",
    "tutorial": "Tutorial",
    "workshop": "Workshop talk",
}

TalkKind = Literal["invited", "conference", "seminar", "keynote", "tutorial", "workshop"]


class TalkLinks(Record):
    """Links of a talk, shown as buttons in this order."""

    slides: Url | None = None
    """The slides (a PDF path relative to the site, or a URL)."""
    video: Url | None = None
    """A recording."""
    event: Url | None = None
    """The event's own page."""
    poster: Url | None = None
    """A poster."""
    code: Url | None = None
    """Code shown in the talk."""
    pdf: Url | None = None
    """A handout or paper PDF."""
    website: Url | None = None
    """Any other page about the talk."""

    LABELS: ClassVar[dict[str, str]] = {
        "slides": "Slides", "video": "Video", "event": "Event", "poster": "Poster", "code": "Code",
        "pdf": "PDF", "website": "Website",
    }

    def resolved(self) -> list[tuple[str, str, str]]:
        """(kind, label, url) for every link given, in a fixed order."""
        return [(kind, label, getattr(self, kind)) for kind, label in self.LABELS.items() if getattr(self, kind)]


class Talk(Record):
    """One talk."""

    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ("abstract",)
    #: ``speaker`` may also be a guest's plain name; it is checked only when written like an id.
    REF_FIELDS: ClassVar[dict[str, str]] = {"speaker": "person", "publications": "pub"}

    id: Slug
    """Identifier used in URLs (``/talks/<id>/``) and in projects.yml."""
    title: str = Field(min_length=1)
    """Title of the talk."""
    date: WhenField
    """When: ``2024-04``, ``2024-04-12`` or ``2024-04-12T15:30:00-05:00``."""
    speaker: str | None = Field(default=None, min_length=1)
    """A person id from people.yml (linked, with their bio), or the plain name of a guest speaker."""
    event: str | None = None
    """The seminar series, conference or workshop."""
    host: str | None = None
    """The host institution."""
    location: str | None = None
    """City, room, or "Online"."""
    kind: TalkKind | None = None
    """invited, conference, seminar, keynote, tutorial or workshop."""
    selected: bool = False
    """Shown by ``talks(selected=true)``, e.g. on the home page."""
    abstract: str | None = None
    """The abstract, in Markdown."""
    links: TalkLinks = Field(default_factory=TalkLinks)
    """Slides, video, event page ..."""
    publications: list[str] = Field(default_factory=list)
    """BibTeX keys of the papers the talk presents."""
    topics: list[str] = Field(default_factory=list)
    """Topics, as for publications."""

    @property
    def kind_label(self) -> str:
        """The human label of :attr:`kind` ("" when no kind is given)."""
        return TALK_KINDS.get(self.kind or "", "")
