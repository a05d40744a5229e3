"""RIS, the tagged format EndNote, Zotero, Mendeley and reference managers import, written with rispy.

The fields come from the CSL-JSON item (:func:`labbook.exports.csl_json.publication_to_csl`), so RIS and CSL-JSON
agree on every value: the same names, container title, pages, identifiers and abstract.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import rispy

from labbook.exports.csl_json import publication_to_csl
from labbook.model.publication import Publication

#: CSL item type -> RIS reference type; anything else is GEN (generic).
RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR", "paper-conference": "CPAPER", "chapter": "CHAP", "book": "BOOK",
    "thesis": "THES", "report": "RPRT", "manuscript": "UNPB", "webpage": "ELEC", "patent": "PAT",
    "dataset": "DATA", "software": "COMP", "pamphlet": "PAMP", "article": "JOUR",
}  # fmt: skip


def _name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    out = f"{family}, {name.get('given', '')}".rstrip(", ")
    return f"{out}, {name['suffix']}" if name.get("suffix") else out


def publication_to_ris(pub: Publication, item: dict[str, Any] | None = None) -> dict[str, Any]:
    """One RIS record as rispy's dictionary (``type_of_reference``, ``title``, ``authors``, ...); ``item`` is
    ``pub``'s CSL-JSON item when the caller has it already."""
    item = publication_to_csl(pub) if item is None else item
    record: dict[str, Any] = {"type_of_reference": RIS_TYPES.get(item["type"], "GEN"), "id": pub.key}
    record["title"] = item.get("title", "")
    record["authors"] = [_name(n) for n in item.get("author", [])]
    record["secondary_authors"] = [_name(n) for n in item.get("editor", [])]
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    if issued:
        record["year"] = str(issued[0])
    container = item.get("container-title", "")
    if item["type"] in {"article-journal", "article"}:
        record["journal_name"] = container
    else:
        record["secondary_title"] = container
    record["tertiary_title"] = item.get("collection-title", "")
    record["volume"] = item.get("volume", "")
    record["number"] = item.get("issue") or item.get("number", "")
    pages = item.get("page", "")
    if pages:
        first, _, last = pages.partition("-")
        record["start_page"] = first
        record["end_page"] = last
    record["publisher"] = item.get("publisher", "")
    record["place_published"] = item.get("publisher-place", "")
    record["edition"] = item.get("edition", "")
    record["doi"] = item.get("DOI", "")
    record["issn"] = item.get("ISSN") or item.get("ISBN", "")
    record["urls"] = [item["URL"]] if item.get("URL") else []
    record["abstract"] = item.get("abstract", "")
    record["keywords"] = list(pub.topics)
    record["notes"] = [item["note"]] if item.get("note") else []
    return {k: v for k, v in record.items() if v not in ("", [], None)}


class _Writer(rispy.RisWriter):
    """rispy's writer without the "1." line it puts before each record (not part of RIS; some readers stumble)."""

    def set_header(self, count: int) -> str:
        return ""


def ris_record_text(pub: Publication, item: dict[str, Any] | None = None) -> str:
    """One publication's record as :func:`to_ris` writes it (``item``: its CSL-JSON item, if made already)."""
    return rispy.dumps([publication_to_ris(pub, item)], implementation=_Writer)


def to_ris(pubs: Iterable[Publication], *, record_text: Callable[[Publication], str] | None = None) -> str:
    """A RIS document with one record per publication, in order (``/publications.ris``).

    ``record_text`` gives a publication's record as ``to_ris([pub])`` writes it (a build keeps each entry's
    ``.ris`` file, so the whole document joins those instead of writing every record again); rispy separates
    records with one empty line, which is how they are joined.
    """
    if record_text is not None:
        return "\n".join(record_text(p) for p in pubs)
    records = [publication_to_ris(p) for p in pubs]
    return rispy.dumps(records, implementation=_Writer) if records else ""
