"""A :class:`Work` written as a clean BibTeX entry, and checked by labbook's own reader before it is used."""

from __future__ import annotations

import re

from labbook.diagnostics import Report, Severity
from labbook.load.bibtex import RawEntry, parse_bibtex
from labbook.online.work import Contributor, Work

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NAME_SPECIAL = re.compile(r"[&%$#_]")


class UnwritableEntry(ValueError):
    """The entry would not read back cleanly (the message is labbook's own diagnostic)."""


def author_field(authors: list[Contributor]) -> str:
    """``Family, Given and ...``; a group name in braces, so BibTeX never splits it."""
    return " and ".join(_name(a) for a in authors)


def _name(person: Contributor) -> str:
    def esc(text: str) -> str:
        return _NAME_SPECIAL.sub(lambda m: "\\" + m.group(), text)

    family, given = esc(person.family), esc(person.given)
    if person.literal or " and " in f" {family} " or "," in family:
        return "{" + family + "}"
    if person.suffix:
        return f"{family}, {esc(person.suffix)}, {given}" if given else f"{family}, {esc(person.suffix)}"
    return f"{family}, {given}" if given else "{" + family + "}" if " " in family else family


def entry_fields(work: Work) -> list[tuple[str, str]]:
    """The (field, value) pairs of the entry, in the order they are written; empty values left out."""
    fields: list[tuple[str, str]] = [("title", work.title), ("author", author_field(work.authors))]
    if work.venue and work.venue_field:
        fields.append((work.venue_field, work.venue))
    fields += [("series", work.series)]
    # A journal's publisher is noise in a citation; a book's, a report's or a dataset's is not.
    if work.kind != "article" and work.publisher != work.venue:
        key = {"techreport": "institution", "phdthesis": "school"}.get(work.kind, "publisher")
        fields.append((key, work.publisher))
    fields += [("volume", work.volume), ("number", work.number), ("pages", work.pages),
               ("version", work.version), ("year", str(work.year or "")),
               ("month", _MONTHS[work.month - 1] if work.month else ""), ("doi", work.doi), ("url", work.url)]
    if work.arxiv:
        fields += [("eprint", work.arxiv), ("archivePrefix", "arXiv"), ("primaryClass", work.primary_class),
                   ("arxiv", work.arxiv)]
    if work.journal_ref:
        fields.append(("note", work.journal_ref))
    fields.append(("abstract", work.abstract))
    return [(name, value) for name, value in fields if value]


def format_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """``@kind{key,\\n  field = {value},\\n  ...\\n}`` with aligned ``=``; ``month`` as a bare macro."""
    width = max((len(name) for name, _ in fields), default=0)
    lines = [f"@{kind}{{{key},"]
    for name, value in fields:
        shown = value if name == "month" and value in _MONTHS else "{" + value + "}"
        lines.append(f"  {name.ljust(width)} = {shown},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "\n}\n"


def work_entry(work: Work, key: str) -> str:
    """The BibTeX text of ``work`` under ``key``, checked as :func:`checked_entry` does."""
    return checked_entry(format_entry(work.kind, key, entry_fields(work)), key)


def checked_entry(text: str, key: str) -> str:
    """``text`` if labbook's own reader reads exactly one entry ``key`` from it without an error."""
    report = Report()
    entries: list[RawEntry] = parse_bibtex(text, "new entry", report)
    problems = [d.message for d in report if d.severity is Severity.ERROR]
    if problems or len(entries) != 1 or entries[0].key != key:
        raise UnwritableEntry(problems[0] if problems else f"the entry for '{key}' does not read back")
    return text
