"""Crossref's ``/works/{doi}`` record -> :class:`Work`."""

from __future__ import annotations

from typing import Any

from labbook.online.markup import markup_to_tex
from labbook.online.records import BadRecord, bare_orcid, date_parts, first_text, page_range, parse_json
from labbook.online.work import Contributor, Work

#: Crossref type -> (BibTeX entry type, the field the container title goes in).
ENTRY_TYPES: dict[str, tuple[str, str]] = {
    "journal-article": ("article", "journal"),
    "proceedings-article": ("inproceedings", "booktitle"),
    "book-chapter": ("incollection", "booktitle"),
    "book-section": ("incollection", "booktitle"),
    "book-part": ("incollection", "booktitle"),
    "reference-entry": ("incollection", "booktitle"),
    "book": ("book", "series"),
    "monograph": ("book", "series"),
    "edited-book": ("book", "series"),
    "reference-book": ("book", "series"),
    "report": ("techreport", "series"),
    "dissertation": ("phdthesis", ""),
    "posted-content": ("misc", "howpublished"),
    "dataset": ("misc", "howpublished"),
}
#: Dates in the order a paper's year is taken from: the issue date, then print, then online.
_DATE_KEYS = ("issued", "published-print", "published", "published-online")


def read_crossref(body: bytes) -> Work:
    """The work in a Crossref ``/works/{doi}`` answer (``{"status": "ok", "message": {...}}``)."""
    data = parse_json(body, "a Crossref work")
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict) or not message.get("DOI"):
        raise BadRecord("the answer is not a Crossref work (no message with a DOI)")
    return work_from_crossref(message)


def work_from_crossref(message: dict[str, Any]) -> Work:
    """A :class:`Work` from the ``message`` of a Crossref answer."""
    record_type = str(message.get("type") or "")
    kind, container_field = ENTRY_TYPES.get(record_type, ("misc", "howpublished"))
    title = first_text(message.get("title")) or first_text(message.get("original-title"))
    subtitle = first_text(message.get("subtitle"))
    if subtitle and subtitle.casefold() not in title.casefold():
        title = f"{title.rstrip(':')}: {subtitle}" if title else subtitle
    containers = [c for c in message.get("container-title") or [] if isinstance(c, str) and c.strip()]
    year = month = None
    for key in _DATE_KEYS:
        year, month = date_parts(message.get(key))
        if year:
            break
    work = Work(
        source="crossref",
        kind=kind,
        record_type=record_type,
        title=markup_to_tex(title, protect_acronyms=True),
        authors=[a for a in (_contributor(p) for p in message.get("author") or []) if a is not None],
        venue=markup_to_tex(containers[0]) if containers and container_field else "",
        publisher=markup_to_tex(str(message.get("publisher") or "")),
        volume=str(message.get("volume") or ""),
        number=str(message.get("issue") or ""),
        pages=page_range(message.get("page") or message.get("article-number") or ""),
        year=year,
        month=month,
        doi=str(message.get("DOI")).lower(),
        abstract=markup_to_tex(str(message.get("abstract") or "")),
        isbn=first_text(message.get("ISBN")),
        issn=first_text(message.get("ISSN")),
    )
    work.venue_field = container_field
    if kind == "incollection" and len(containers) > 1:
        work.series = markup_to_tex(containers[1])  # LNCS and the like: the book first, then its series
    if record_type == "posted-content" and not work.venue:
        work.venue = work.publisher  # a preprint server (bioRxiv, SSRN) is the closest thing to a venue
    return work


def _contributor(person: object) -> Contributor | None:
    if not isinstance(person, dict):
        return None
    orcid = bare_orcid(person.get("ORCID"))
    family, given = str(person.get("family") or "").strip(), str(person.get("given") or "").strip()
    if family:
        return Contributor(family=family, given=given, suffix=str(person.get("suffix") or "").strip(), orcid=orcid)
    name = str(person.get("name") or given).strip()  # a consortium ("name") or a mononym given as "given"
    return Contributor(family=name, orcid=orcid, literal=True) if name else None
