"""CSL-JSON, the input format of citeproc (Zotero, Pandoc, Mendeley), for a "download citation" link."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from labbook.exports._common import (
    arxiv_id,
    bare_doi,
    container_title,
    field_text,
    name_suffix,
    pages_hyphen,
    plain,
)
from labbook.model.publication import Author, Publication

#: BibTeX/biblatex entry type -> CSL item type; anything else becomes "document".
CSL_TYPES: dict[str, str] = {
    "article": "article-journal", "inproceedings": "paper-conference", "conference": "paper-conference",
    "incollection": "chapter", "inbook": "chapter", "book": "book", "proceedings": "book",
    "collection": "book", "booklet": "pamphlet", "phdthesis": "thesis", "mastersthesis": "thesis",
    "thesis": "thesis", "techreport": "report", "report": "report", "manual": "report",
    "unpublished": "manuscript", "online": "webpage", "electronic": "webpage", "www": "webpage",
    "patent": "patent", "dataset": "dataset", "software": "software", "misc": "document",
}  # fmt: skip
_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}


def csl_type(pub: Publication) -> str:
    """The CSL item type; preprints are "article", CSL's type for preprints and working papers."""
    if pub.kind == "preprint":
        return "article"
    return CSL_TYPES.get(pub.entry_type, "document")


def csl_name(author: Author) -> dict[str, str]:
    """A CSL name: family/given (plus particle and suffix), or ``literal`` for a name with no given part."""
    if not author.first:
        return {"literal": author.text}
    name: dict[str, str] = {"family": author.last, "given": author.first}
    words = author.last.split(" ")
    # BibTeX's "von" part is the lower-case words before the family name ("van der Waals").
    particles = 0
    while particles < len(words) - 1 and words[particles][:1].islower():
        particles += 1
    if particles:
        name["family"] = " ".join(words[particles:])
        name["non-dropping-particle"] = " ".join(words[:particles])
    suffix = name_suffix(author)
    if suffix:
        name["suffix"] = suffix
    return name


def publication_to_csl(pub: Publication) -> dict[str, Any]:
    """One CSL-JSON item. Keys come in a fixed order; empty values are left out."""
    raw = pub.raw
    ctype = csl_type(pub)
    item: dict[str, Any] = {"id": pub.key, "type": ctype}
    title = field_text(pub, "title")
    if title:
        item["title"] = title
    if pub.authors:
        item["author"] = [csl_name(a) for a in pub.authors]
    if pub.editors:
        item["editor"] = [csl_name(a) for a in pub.editors]
    if pub.year is not None:
        item["issued"] = {"date-parts": [[pub.year, pub.month] if pub.month else [pub.year]]}
    item["container-title"] = container_title(pub)
    item["collection-title"] = field_text(pub, "series")
    publisher = field_text(pub, "publisher") or field_text(pub, "organization")
    if pub.entry_type in {"phdthesis", "mastersthesis", "thesis"}:
        publisher = field_text(pub, "school") or field_text(pub, "institution") or publisher
        item["genre"] = field_text(pub, "type") or _GENRES.get(pub.entry_type, "")
    elif pub.entry_type in {"techreport", "report"}:
        publisher = field_text(pub, "institution") or publisher
    item["publisher"] = publisher
    item["publisher-place"] = field_text(pub, "address") or field_text(pub, "location")
    item["edition"] = field_text(pub, "edition")
    item["volume"] = field_text(pub, "volume")
    number = field_text(pub, "number") or field_text(pub, "issue")
    if ctype in {"article-journal", "article"}:
        item["issue"] = number
    elif ctype == "report":
        item["number"] = number
    else:
        item["collection-number"] = number  # for books and proceedings, number is the number in a series
    item["page"] = pages_hyphen(pub)
    arxiv = arxiv_id(pub)
    if ctype == "article" and arxiv and not item.get("number"):
        # Zotero's convention for preprints: the repository is the publisher, the id is the number.
        item["publisher"] = item["publisher"] or "arXiv"
        item["number"] = f"arXiv:{arxiv}"
    item["DOI"] = bare_doi(pub)
    item["ISBN"] = field_text(pub, "isbn")
    item["ISSN"] = field_text(pub, "issn")
    url = pub.link("url") or pub.link("html") or pub.link("website")
    item["URL"] = url if re.match(r"^https?://", url, re.I) else ""
    item["abstract"] = plain(raw.get("abstract"))
    item["keyword"] = ", ".join(pub.topics)
    item["note"] = field_text(pub, "note")
    return {k: v for k, v in item.items() if v not in ("", None, [])}


def csl_item_text(pub: Publication, item: dict[str, Any] | None = None) -> str:
    """One item as :func:`to_csl_json` writes it inside the document's array (indented by 2); ``item`` is
    ``pub``'s CSL-JSON item when the caller has it already."""
    text = json.dumps(publication_to_csl(pub) if item is None else item, ensure_ascii=False, indent=2)
    return "  " + text.replace("\n", "\n  ")


def to_csl_json(pubs: Iterable[Publication], item_text: Callable[[Publication], str] | None = None) -> str:
    """A CSL-JSON document: a JSON array of items, UTF-8 text (not ``\\u`` escapes), indented by 2.

    The text is ``json.dumps(items, ensure_ascii=False, indent=2)``, put together item by item, so that
    ``item_text`` may supply the text of each item when the caller already has it (as :func:`csl_item_text`).
    """
    texts = [(item_text or csl_item_text)(p) for p in pubs]
    return ("[\n" + ",\n".join(texts) + "\n]\n") if texts else "[]\n"
