"""What an entry is, read from its fields: its kind (journal, conference, preprint ...), its venue badge and
its month."""

from __future__ import annotations

import re

from labbook.model.bib_entry import RawEntry
from labbook.model.publication import KIND_LABELS
from labbook.model.venues import known_acronym

_PREPRINT_HINTS = re.compile(r"arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprint|\bcorr\b|openreview", re.I)
_ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z\-]*[A-Z][A-Za-z\-]*)(?:[ '’]?\d{2,4})?\)")
_ACRONYM_WORD = re.compile(r"\b([A-Z][a-z]*[A-Z][A-Za-z]*|[A-Z]{2,})\b")
_STOP_ACRONYMS = frozenset({"IEEE", "ACM", "SIAM", "AAAI", "II", "III", "IV", "USA", "UK", "US"})


def classify(raw: RawEntry) -> str:
    """The kind of publication (a key of :data:`KIND_LABELS`) from the entry type and its venue."""
    etype = raw.type
    venue = " ".join(raw.get(f) for f in ("journal", "booktitle", "howpublished", "publisher", "note"))
    if etype in {"inproceedings", "conference"}:
        if _PREPRINT_HINTS.search(raw.get("booktitle")):
            return "preprint"
        return "workshop" if re.search(r"workshop", venue, re.I) else "conference"
    if etype == "article":
        if _PREPRINT_HINTS.search(raw.get("journal")) or (not raw.get("journal") and raw.get("eprint")):
            return "preprint"
        return "workshop" if re.search(r"\bworkshop\b", raw.get("journal"), re.I) else "journal"
    if etype in {"phdthesis", "mastersthesis", "thesis"}:
        return "thesis"
    if etype in {"book", "proceedings", "booklet"}:
        return "book"
    if etype in {"inbook", "incollection"}:
        return "chapter"
    if etype in {"techreport", "report"}:
        return "report"
    if etype in {"unpublished", "misc", "online", "preprint"} and (
        raw.get("eprint") or raw.get("arxiv") or _PREPRINT_HINTS.search(venue)
    ):
        return "preprint"
    return "other"


def derive_badge(abbr: str, venue_text: str, kind: str, raw: RawEntry, year: int | None = None) -> str:
    """The venue badge: ``abbr`` as written; else a venue acronym with the year ("ICML’24"); else the kind.

    The acronym comes from a table of well-known venues, an acronym in parentheses ("... (PNAS)"), or the
    first acronym-like word of the venue.
    """
    if abbr:
        return abbr
    acronym = _venue_acronym(venue_text, kind, raw)
    if acronym is None:
        return KIND_LABELS.get(kind, "Other")
    return f"{acronym}’{year % 100:02d}" if year is not None else acronym


def _venue_acronym(venue_text: str, kind: str, raw: RawEntry) -> str | None:
    if kind == "preprint":
        for name in ("bioRxiv", "medRxiv", "arXiv", "SSRN"):
            if name.lower() in venue_text.lower() or (name == "arXiv" and raw.get("arxiv")):
                return name
    known = known_acronym(venue_text)
    if known:
        return known
    found = _ACRONYM_IN_PARENS.search(venue_text)
    if found:
        return found.group(1)
    return next((w for w in _ACRONYM_WORD.findall(venue_text) if w not in _STOP_ACRONYMS and len(w) <= 12), None)


_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def parse_month(value: str) -> int | None:
    """A month number from ``jan``, ``January``, ``1``, ``01`` or a date text such as ``26--28 Aug``.

    ``None`` when no month can be read.
    """
    text = value.strip().strip(".").lower()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    if text in _MONTHS:
        return _MONTHS[text]
    return next((_MONTHS[w] for w in re.findall(r"[a-z]+", text) if w in _MONTHS), None)
