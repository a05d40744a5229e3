"""Writing the imported records: a new site from the scaffold, or records appended to an existing site.

Records are collected as plain dicts (the shape labbook's YAML loaders accept) and BibTeX text; nothing is
written until :meth:`SiteWriter.write`. Merging (``--into``) never replaces what the site has: a record whose
id, BibTeX key or DOI exists is reported and left out, and the existing files keep their text and comments.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from labbook.importers.frontmatter import load_yaml_file, read_text
from labbook.importers.records import Ids
from labbook.importers.report import ImportReport
from labbook.scaffold_copy import EXAMPLE_PERSON, copy_scaffold

#: The collection files of a site, relative to the site folder (labbook's defaults).
COLLECTION_FILES = {"people": "data/people.yml", "talks": "data/talks.yml", "news": "data/news.yml",
                    "projects": "data/projects.yml", "courses": "data/courses.yml",
                    "openings": "data/openings.yml"}
BIB_FILE = "data/publications.bib"
_HEADERS = {
    "people": "# People of the lab, imported. role: pi, postdoc, phd, ms, undergrad, staff, visitor or alumni.",
    "talks": "# Talks, imported. `speaker` is a person id from people.yml or a guest's name.",
    "news": "# Lab news, imported, newest first. `text` is Markdown.",
    "projects": "# Research projects, imported.",
    "courses": "# Courses, imported.",
    "openings": "# Open positions (none were imported).",
}
_ID_FIELD = {"courses": "code"}
_KEY = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]+)\s*,")
_DOI = re.compile(r"\bdoi\s*=\s*[{\"]\s*(?:https?://(?:dx\.)?doi\.org/)?([^}\"\s]+)", re.I)


class SiteWriter:
    """Collects what an importer found and writes it as a labbook site."""

    def __init__(self, dest: Path, report: ImportReport, *, into: bool, lab_name: str = "My Lab") -> None:
        self.dest = dest
        self.report = report
        self.into = into
        self.lab_name = lab_name
        self.ids = Ids()
        self.records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in COLLECTION_FILES}
        self.bib_parts: list[tuple[str, str]] = []  # (origin, BibTeX text)
        self.bib_keys: set[str] = set()
        self.bib_origin: dict[str, tuple[str, int]] = {}
        self.person_names: dict[str, str] = {}
        self.dois: set[str] = set()
        self.pages: dict[str, str] = {}  # docs-relative path -> Markdown
        self.page_titles: dict[str, str] = {}
        self.home: str | None = None
        self.extra_css = ""  # rules for docs/stylesheets/extra.css (a new site) or venues.css (a merge)
        self.files: dict[str, bytes] = {}  # site-relative path -> content (copied images and PDFs)
        self.existing: dict[str, set[str]] = {kind: set() for kind in COLLECTION_FILES}
        if into:
            self._read_existing()

    # -- collecting -----------------------------------------------------------------------------------
    def add(self, kind: str, record: dict[str, Any], origin: tuple[str, int], report_kind: str) -> bool:
        """Add a record of a YAML collection; False (and reported) when the site already has its id."""
        ident = str(record.get(_ID_FIELD.get(kind, "id"), ""))
        if ident and ident in self.existing[kind]:
            self.report.skip(report_kind, *origin, f"'{ident}' is already in the site; the existing record is kept")
            return False
        self.records[kind].append(record)
        self.report.imported(report_kind)
        return True

    def has_bib(self, key: str, doi: str | None = None) -> str | None:
        """Why an entry cannot be added (its key or DOI is already there), or None."""
        if key in self.bib_keys:
            return f"the BibTeX key '{key}' is already used"
        if doi and doi.lower() in self.dois:
            return f"an entry with the DOI {doi} is already in the site"
        return None

    def claim_bib(self, key: str, doi: str | None = None) -> None:
        """Mark a BibTeX key (and DOI) as used by an entry being added."""
        self.bib_keys.add(key)
        if doi:
            self.dois.add(doi.lower())

    def add_bib(self, key: str, text: str, origin: str, doi: str | None = None) -> None:
        """Add one BibTeX entry (its text) under ``key``."""
        self.claim_bib(key, doi)
        self.bib_parts.append((origin, text))

    def add_page(self, rel: str, title: str, markdown: str) -> str:
        """Add a Markdown page under ``docs/`` (a free name is chosen when ``rel`` is taken); its path."""
        stem, n = rel.removesuffix(".md"), 2
        while rel in self.pages or (self.into and (self.dest / "docs" / rel).exists()):
            rel, n = f"{stem}-{n}.md", n + 1
        self.pages[rel] = markdown
        self.page_titles[rel] = title
        return rel

    # -- writing --------------------------------------------------------------------------------------
    def write(self) -> None:
        """Write everything collected into ``dest``."""
        if not self.into:
            copy_scaffold(self.dest, lab_name=self.lab_name)
            self._adopt_starter_examples()
        for kind, records in self.records.items():
            self._write_collection(kind, records)
        self._write_bib()
        for rel, content in self.files.items():
            target = self.dest / rel
            if self.into and target.exists():
                if not target.is_file() or target.read_bytes() != content:
                    self.report.note(rel, 1, "the site already has a different file here; it was kept, and the "
                                     "imported one was not written")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        for rel, text in self.pages.items():
            target = self.dest / "docs" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if self.extra_css:
            self._write_css()
        if not self.into:
            if self.home is not None:
                (self.dest / "docs" / "index.md").write_text(self.home, encoding="utf-8")
            self._add_pages_to_nav()
        elif self.pages:
            self.report.note("mkdocs.yml", 1, "imported pages were not added to the site's nav: "
                             + ", ".join(f"docs/{p}" for p in self.pages))

    def _adopt_starter_examples(self) -> None:
        """The starter's example note names the starter's example person, whom the imported people.yml replaces:
        the note is credited to the imported owner (or to nobody), and the example person's photo goes."""
        owner = next((p["id"] for p in self.records["people"] if p.get("role") == "pi"), None)
        for note in sorted((self.dest / "docs" / "notes").glob("*.md")):
            text = note.read_text(encoding="utf-8")
            note.write_text(text.replace(f"authors: [{EXAMPLE_PERSON}]", f"authors: [{owner}]" if owner else
                                         "authors: []"), encoding="utf-8")
        for photo in (self.dest / "docs" / "img" / "people").glob(f"{EXAMPLE_PERSON}.*"):
            photo.unlink()

    def _write_css(self) -> None:
        if not self.into:
            path = self.dest / "docs" / "stylesheets" / "extra.css"
            old, _ = read_text(path)
            path.write_text(old.rstrip("\n") + "\n" + self.extra_css, encoding="utf-8")
            return
        path = self.dest / "docs" / "stylesheets" / "venues.css"
        if path.exists():
            self.report.note("docs/stylesheets/venues.css", 1, "the site already has this file; the venue colours "
                             "were not written")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.extra_css.lstrip("\n"), encoding="utf-8")
        self.report.note("docs/stylesheets/venues.css", 1, "venue colours written here; add it to `extra_css` in "
                         "mkdocs.yml")

    def _write_collection(self, kind: str, records: list[dict[str, Any]]) -> None:
        path = self.dest / COLLECTION_FILES[kind]
        path.parent.mkdir(parents=True, exist_ok=True)
        body = dump_records(records) if records else ""
        if self.into and path.exists():
            if records:
                old, _ = read_text(path)
                data, _, _ = load_yaml_file(path)
                if data in (None, []):  # an empty list written as `[]` cannot take appended items
                    old = re.sub(r"^\[\]\s*$", "", old, flags=re.M)
                path.write_text(old.rstrip("\n") + "\n\n" + body, encoding="utf-8")
            return
        path.write_text(_HEADERS[kind] + "\n" + (body or "[]\n"), encoding="utf-8")

    def _write_bib(self) -> None:
        path = self.dest / BIB_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        chunks = [text.strip("\n") for _, text in self.bib_parts]
        new = "\n\n".join(chunks) + ("\n" if chunks else "")
        if self.into and path.exists():
            if chunks:
                old, _ = read_text(path)
                path.write_text(old.rstrip("\n") + "\n\n" + new, encoding="utf-8")
            return
        path.write_text(new or "% No publications were imported.\n", encoding="utf-8")

    def _add_pages_to_nav(self) -> None:
        config = self.dest / "mkdocs.yml"
        text, error = read_text(config)
        if error or not self.pages or not text.rstrip().endswith("handbook/ci.md"):
            return
        sections: dict[str, list[str]] = {}
        for rel in self.pages:
            sections.setdefault(rel.split("/", 1)[0] if "/" in rel else "pages", []).append(rel)
        lines = []
        for folder, rels in sorted(sections.items()):
            lines.append(f"  - {folder.replace('-', ' ').title()}:")
            for rel in sorted(rels, reverse=folder == "blog"):  # posts newest first, as the old blog had them
                lines.append(f"      - {json_str(self.page_titles[rel])}: {rel}")
        config.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")

    def _read_existing(self) -> None:
        for kind, rel in COLLECTION_FILES.items():
            data, _, _ = load_yaml_file(self.dest / rel) if (self.dest / rel).is_file() else ([], None, 1)
            for item in data if isinstance(data, list) else []:
                if isinstance(item, dict) and item.get(_ID_FIELD.get(kind, "id")) is not None:
                    ident = str(item[_ID_FIELD.get(kind, "id")])
                    self.existing[kind].add(ident)
                    self.ids.reserve(kind, ident)
        text, _ = read_text(self.dest / BIB_FILE)
        self.bib_keys.update(m[2] for m in _KEY.finditer(text) if m[1].lower() not in {"string", "comment",
                                                                                       "preamble"})
        self.dois.update(m[1].lower() for m in _DOI.finditer(text))


def json_str(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)


class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text, so Markdown stays readable in the data files."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        value = "\n".join(line.rstrip() for line in value.strip("\n").split("\n")) + "\n"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dump_records(records: list[dict[str, Any]]) -> str:
    """Records as a YAML list, one blank line between them."""
    parts = [yaml.dump([r], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100) for r in records]
    return "\n".join(parts)
