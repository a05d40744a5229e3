"""A paper as the services describe it, in one shape whatever service it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Contributor:
    """One author: family and given names apart (``family`` alone for a consortium or a mononym)."""

    family: str
    given: str = ""
    suffix: str = ""
    """"Jr.", "III": written BibTeX's way, ``Family, Suffix, Given``."""
    orcid: str = ""
    """The bare iD (``0000-0002-1825-0097``) when the service gave one."""
    literal: bool = False
    """A name that is not split in two (a consortium: "ATLAS Collaboration"), kept whole in braces."""

    @property
    def display(self) -> str:
        """"Given Family", as people read it."""
        return f"{self.given} {self.family}".strip()


@dataclass(slots=True)
class Work:
    """What ``add`` found about a paper. Text fields are TeX-ready (markup already converted)."""

    source: str
    """The service the record came from: crossref, datacite or arxiv."""
    kind: str
    """The BibTeX entry type to write: article, inproceedings, incollection, book, misc, ..."""
    record_type: str = ""
    """The service's own type (journal-article, posted-content, Dataset, ...), as it said it."""
    title: str = ""
    authors: list[Contributor] = field(default_factory=list)
    venue: str = ""
    """Journal, proceedings or book title (the field depends on ``kind``)."""
    venue_field: str = ""
    """The BibTeX field ``venue`` is written to (journal, booktitle, series, howpublished); none when empty."""
    series: str = ""
    publisher: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    year: int | None = None
    month: int | None = None
    doi: str = ""
    url: str = ""
    arxiv: str = ""
    """The arXiv id without its version."""
    arxiv_version: str = ""
    primary_class: str = ""
    journal_ref: str = ""
    """arXiv's free-text journal reference (the paper has been published there)."""
    abstract: str = ""
    version: str = ""
    """A software or dataset version."""
    isbn: str = ""
    issn: str = ""

    def as_json(self) -> dict[str, Any]:
        """Every field, for ``--format json``."""
        return asdict(self)

    @property
    def is_published(self) -> bool:
        """Whether this is more than a preprint: a journal reference, or a DOI that is not a preprint's."""
        if self.journal_ref:
            return True
        return bool(self.doi) and not self.doi.startswith("10.48550/") and self.record_type not in _PREPRINT_TYPES


#: Record types that name a preprint, not its published version (Crossref's and DataCite's words).
_PREPRINT_TYPES = frozenset({"posted-content", "Preprint", "preprint"})
