"""The Publication record: a BibTeX entry made ready for a page (Unicode, safe HTML, typed fields)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from labbook.model.bib_entry import RawEntry

#: Fields shown as link buttons, in display order: (BibTeX field, button label).
LINK_FIELDS: tuple[tuple[str, str], ...] = (
    ("pdf", "PDF"),
    ("html", "HTML"),
    ("website", "Website"),
    ("arxiv", "arXiv"),
    ("doi", "DOI"),
    ("code", "Code"),
    ("slides", "Slides"),
    ("poster", "Poster"),
    ("video", "Video"),
    ("blog", "Blog"),
    ("summary", "Summary"),
    ("supp", "Supp"),
    ("url", "Link"),
)

#: How each kind of publication is labelled on the page (and in the type filter).
KIND_LABELS: dict[str, str] = {
    "conference": "Conference",
    "journal": "Journal",
    "preprint": "Preprint",
    "workshop": "Workshop",
    "thesis": "Thesis",
    "book": "Book",
    "chapter": "Chapter",
    "report": "Report",
    "other": "Other",
}



@dataclass(slots=True)
class Author:
    """One name from an author or editor list.

    ``text`` is plain Unicode ("Kangwook Lee"), ``html`` its safe HTML form; ``match_key`` is the normalised
    full name used to find the person in people.yml; ``person_id`` is filled in by the catalog.
    """

    text: str
    html: Markup
    last: str
    first: str
    match_key: str
    person_id: str | None = None
    is_member: bool = False


@dataclass(slots=True)
class Link:
    """A link button: ``kind`` is the BibTeX field it came from."""

    kind: str
    label: str
    url: str


@dataclass(slots=True)
class Publication:
    """A publication as the pages, macros and exports see it."""

    key: str
    slug: str
    entry_type: str
    kind: str
    title_html: Markup
    title_text: str
    authors: list[Author]
    et_al: bool
    editors: list[Author]
    year: int | None
    month: int | None
    venue_html: Markup
    venue_text: str
    badge: str
    topics: list[str]
    links: list[Link]
    abstract_html: Markup
    award_html: Markup
    note_html: Markup
    selected: bool
    raw: RawEntry
    order: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        """The human label of :attr:`kind` ("Conference", "Preprint", ...)."""
        return KIND_LABELS.get(self.kind, "Other")

    @property
    def year_label(self) -> str:
        """The year as shown in lists; entries without a numeric year are "Forthcoming"."""
        return str(self.year) if self.year is not None else "Forthcoming"

    @property
    def path(self) -> str:
        """The file this entry was read from."""
        return self.raw.path

    @property
    def line(self) -> int:
        """The line this entry starts on."""
        return self.raw.line

    def link(self, kind: str) -> str:
        """The URL of link ``kind`` (``pdf``, ``doi`` ...) or an empty string."""
        return next((lk.url for lk in self.links if lk.kind == kind), "")
