"""The options that shape a lab's site, independent of MkDocs (the adapters fill them in)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: Default file of each YAML collection, relative to ``data_dir``.
DEFAULT_COLLECTIONS: dict[str, str] = {
    "people": "people.yml",
    "talks": "talks.yml",
    "openings": "openings.yml",
    "news": "news.yml",
    "courses": "courses.yml",
    "projects": "projects.yml",
}

#: Default URL prefix of each generated page; ``False`` (or "") in the options turns a page off.
DEFAULT_PAGES: dict[str, str] = {
    "publications": "publications",
    "people": "people",
    "talks": "talks",
    "openings": "openings",
    "news": "news",
    "projects": "projects",
    "teaching": "teaching",
    "notes": "notes",
}


@dataclass
class Settings:
    """Everything the core needs to know about a site.

    Paths in ``bibliography`` and ``data_dir`` are relative to ``root`` (the folder of mkdocs.yml);
    ``notes_dir`` is relative to ``docs_dir``. ``timezone`` is an IANA name; dates without a UTC offset are
    read in it, and ``today`` (when set) pins the date that decides open/closed and upcoming/past.
    """

    root: Path
    docs_dir: Path
    data_dir: str = "data"
    bibliography: list[str] = field(default_factory=lambda: ["data/publications.bib"])
    bibliography_optional: bool = False
    collections: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLLECTIONS))
    pages: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PAGES))
    per_publication_pages: bool = True
    timezone: str = "UTC"
    highlight_members: bool = True
    max_authors: int = 10
    site_url: str | None = None
    today: date | None = None
    notes_dir: str = "notes"

    def display(self, path: Path) -> str:
        """``path`` as the user would write it: relative to the project when it is inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def collection_path(self, name: str) -> Path:
        """The file of collection ``name`` (people, talks, ...)."""
        return self.root / self.data_dir / self.collections.get(name, DEFAULT_COLLECTIONS.get(name, name))
