"""A source's ``.bib`` file taken over verbatim, entry by entry: duplicates and clashes with the site are left
out (commented, reported with their line), and Jekyll's front-matter lines are dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from labbook.importers.frontmatter import read_text
from labbook.importers.report import ImportReport
from labbook.importers.site import SiteWriter

_START = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_SPECIAL = {"string", "comment", "preamble"}


@dataclass
class BibEntry:
    """One ``@type{key, ...}`` block of a .bib text."""

    kind: str
    key: str
    text: str
    line: int
    doi: str | None

    @property
    def special(self) -> bool:
        """@string, @comment and @preamble are not publications."""
        return self.kind.lower() in _SPECIAL


def split_entries(text: str) -> tuple[list[BibEntry], list[tuple[int, str]]]:
    """The entries of a .bib text in order, and (line, why) for text that is not a complete entry."""
    entries: list[BibEntry] = []
    problems: list[tuple[int, str]] = []
    pos = 0
    while (m := _START.search(text, pos)) is not None:
        line = text.count("\n", 0, m.start()) + 1
        close = "}" if m[2] == "{" else ")"
        depth, i = 1, m.end()
        while i < len(text) and depth:
            char = text[i]
            if char == "\\":
                i += 2
                continue
            depth += 1 if char == m[2] else -1 if char == close else 0
            i += 1
        if depth:
            problems.append((line, f"the @{m[1]} entry is not closed (a '{close}' is missing); left out"))
            break
        body = text[m.end():i - 1]
        key = body.split(",", 1)[0].strip() if m[1].lower() not in _SPECIAL else ""
        doi = re.search(r"\bdoi\s*=\s*[{\"]\s*(?:https?://(?:dx\.)?doi\.org/)?([^}\",\s]+)", body, re.I)
        entries.append(BibEntry(m[1], key, text[m.start():i], line, doi[1] if doi else None))
        pos = i
    return entries, problems


def take_bib_file(writer: SiteWriter, report: ImportReport, text: str, rel: str, first_line: int = 1) -> int:
    """Add every entry of a .bib text (``rel`` is its source path) to the site; the number of publications."""
    entries, problems = split_entries(text)
    for line, why in problems:
        report.found("publications")
        report.skip("publications", rel, first_line + line - 1, why)
    kept: list[str] = []
    n = 0
    for entry in entries:
        line = first_line + entry.line - 1
        if entry.special:
            if entry.kind.lower() != "comment":
                kept.append(entry.text)
            continue
        n += 1
        report.found("publications")
        if not entry.key:
            report.skip("publications", rel, line, f"the @{entry.kind} entry has no key")
            continue
        clash = writer.has_bib(entry.key, entry.doi)
        if clash:
            report.skip("publications", rel, line, clash + "; the first entry is kept")
            continue
        writer.claim_bib(entry.key, entry.doi)
        writer.bib_origin[entry.key] = (rel, line)
        kept.append(entry.text)
        report.imported("publications")
    header = f"% Imported from {rel} by labbook import; entries are as they were written there."
    if kept:
        writer.bib_parts.append((rel, header + "\n\n" + "\n\n".join(kept)))
    return n


def read_bib_path(path: Path) -> tuple[str, int, str | None]:
    """Read a .bib file: (its text without a Jekyll front matter block (al-folio's ``---`` lines), the line that
    text starts on, and why it cannot be read)."""
    text, error = read_text(path)
    match = re.match(r"\s*---[ \t]*\n(.*?\n)?---[ \t]*\n", text, re.S)
    if match:
        return text[match.end():], text.count("\n", 0, match.end()) + 1, error
    return text, 1, error
