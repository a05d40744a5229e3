"""A person's list of works as ORCID and OpenAlex give it, reduced to what ``sync`` compares: ids, title, year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from labbook.online.ids import BadId, normalize_doi, parse_id
from labbook.online.records import BadRecord, parse_json


@dataclass
class Listed:
    """One work from a person's record, before it is resolved."""

    title: str
    year: int | None = None
    doi: str = ""
    arxiv: str = ""
    type: str = ""
    people: list[str] = field(default_factory=list)
    """The ids of the lab's people whose records list it."""
    sources: list[str] = field(default_factory=list)
    """``ORCID`` and/or ``OpenAlex``."""

    @property
    def id_text(self) -> str:
        """What ``labbook add`` would be given for it ("" when it has neither a DOI nor an arXiv id)."""
        return f"arXiv:{self.arxiv}" if self.arxiv else self.doi


def orcid_works(body: bytes) -> list[Listed]:
    """One :class:`Listed` per group of ORCID's ``/works`` answer (a group holds one work's copies from
    several sources: Crossref, DataCite, Europe PMC...), with every DOI and arXiv id the copies carry."""
    data = parse_json(body, "an ORCID works list")
    if not isinstance(data, dict) or not isinstance(data.get("group"), list):
        raise BadRecord("the answer is not an ORCID works list (no 'group' list)")
    works: list[Listed] = []
    for group in data["group"]:
        summaries = [s for s in (group or {}).get("work-summary") or [] if isinstance(s, dict)]
        if not summaries:
            continue
        first = summaries[0]
        work = Listed(title=_orcid_title(first), year=_orcid_year(summaries), type=str(first.get("type") or ""),
                      sources=["ORCID"])
        idents = [(group or {}).get("external-ids")] + [s.get("external-ids") for s in summaries]
        for ident in idents:
            for item in (ident or {}).get("external-id") or []:
                if isinstance(item, dict) and item.get("external-id-relationship", "self") == "self":
                    _take_id(work, str(item.get("external-id-type") or ""), str(item.get("external-id-value") or ""))
        works.append(work)
    return works


def _orcid_title(summary: dict[str, Any]) -> str:
    title = ((summary.get("title") or {}).get("title") or {}).get("value")
    return " ".join(str(title or "").split())


def _orcid_year(summaries: list[dict[str, Any]]) -> int | None:
    for summary in summaries:
        value = (((summary.get("publication-date") or {}).get("year")) or {}).get("value")
        if value and str(value).isdigit():
            return int(value)
    return None


def openalex_works(body: bytes) -> tuple[list[Listed], str]:
    """The works of one page of OpenAlex's ``/works?filter=author.id:...`` and the cursor of the next page
    ("" on the last)."""
    data = parse_json(body, "an OpenAlex works list")
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BadRecord("the answer is not an OpenAlex works list (no 'results' list)")
    works: list[Listed] = []
    for item in data["results"]:
        if not isinstance(item, dict):
            continue
        year = item.get("publication_year")
        work = Listed(title=" ".join(str(item.get("title") or item.get("display_name") or "").split()),
                      year=year if isinstance(year, int) else None, type=str(item.get("type") or ""),
                      sources=["OpenAlex"])
        _take_id(work, "doi", str(item.get("doi") or ""))
        for location in item.get("locations") or []:
            page = str((location or {}).get("landing_page_url") or "")
            if "arxiv.org/abs/" in page:
                _take_id(work, "arxiv", page)
        works.append(work)
    cursor = (data.get("meta") or {}).get("next_cursor")
    return works, str(cursor) if cursor and works else ""


def _take_id(work: Listed, kind: str, value: str) -> None:
    kind = kind.lower()
    if not value.strip() or kind not in ("doi", "arxiv"):
        return
    try:
        found = parse_id(value if kind == "doi" or "arxiv.org" in value else "arXiv:" + value)
    except BadId:
        if kind == "doi" and re.match(r"10\.\d+/", normalize_doi(value)):
            work.doi = work.doi or normalize_doi(value)
        return
    if found.kind == "arxiv":
        work.arxiv = work.arxiv or found.value
    else:
        work.doi = work.doi or found.value
