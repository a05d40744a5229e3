"""DataCite's ``/dois/{doi}`` record (Zenodo, Dryad, software, datasets, arXiv DOIs) -> :class:`Work`."""

from __future__ import annotations

from typing import Any

from labbook.online.markup import markup_to_tex
from labbook.online.records import BadRecord, bare_orcid, iso_year_month, parse_json
from labbook.online.work import Contributor, Work

#: DataCite resourceTypeGeneral (or resourceType) -> (BibTeX entry type, field the container goes in).
ENTRY_TYPES: dict[str, tuple[str, str]] = {
    "JournalArticle": ("article", "journal"),
    "ConferencePaper": ("inproceedings", "booktitle"),
    "BookChapter": ("incollection", "booktitle"),
    "Book": ("book", "series"),
    "Report": ("techreport", ""),
    "Dissertation": ("phdthesis", ""),
    "Preprint": ("misc", "howpublished"),
    "Software": ("misc", "howpublished"),
    "Dataset": ("misc", "howpublished"),
}


def read_datacite(body: bytes) -> Work:
    """The work in a DataCite JSON:API answer (``{"data": {"attributes": {...}}}``)."""
    data = parse_json(body, "a DataCite record")
    attributes = (data.get("data") or {}).get("attributes") if isinstance(data, dict) else None
    if not isinstance(attributes, dict) or not attributes.get("doi"):
        raise BadRecord("the answer is not a DataCite record (no data.attributes with a DOI)")
    return work_from_datacite(attributes)


def work_from_datacite(attrs: dict[str, Any]) -> Work:
    """A :class:`Work` from the ``attributes`` of a DataCite record."""
    types = attrs.get("types") or {}
    general = str(types.get("resourceTypeGeneral") or "")
    specific = str(types.get("resourceType") or "")
    kind, venue_field = ENTRY_TYPES.get(specific) or ENTRY_TYPES.get(general) or ("misc", "howpublished")
    container = attrs.get("container") or {}
    year, month = _issued(attrs)
    publisher = attrs.get("publisher")
    if isinstance(publisher, dict):  # the 2024 schema gives the publisher as an object
        publisher = publisher.get("name")
    work = Work(
        source="datacite",
        kind=kind,
        venue_field=venue_field,
        record_type=specific or general,
        title=markup_to_tex(_title(attrs.get("titles")), protect_acronyms=True),
        authors=[a for c in attrs.get("creators") or [] for a in _creators(c)],
        venue=markup_to_tex(str(container.get("title") or "")) if isinstance(container, dict) else "",
        publisher=markup_to_tex(str(publisher or "")),
        volume=str(container.get("volume") or "") if isinstance(container, dict) else "",
        number=str(container.get("issue") or "") if isinstance(container, dict) else "",
        year=year,
        month=month,
        doi=str(attrs["doi"]).lower(),
        url=str(attrs.get("url") or ""),
        abstract=markup_to_tex(_abstract(attrs.get("descriptions"))),
        version=str(attrs.get("version") or ""),
    )
    if not work.venue and kind == "misc":
        work.venue = work.publisher  # "Zenodo", "Dryad": where a dataset or a release was published
    return work


def _title(titles: object) -> str:
    # The first title without a titleType is the main one; translated and alternative titles come after.
    if not isinstance(titles, list):
        return ""
    main = [t for t in titles if isinstance(t, dict) and not t.get("titleType") and str(t.get("title") or "").strip()]
    chosen = main or [t for t in titles if isinstance(t, dict) and str(t.get("title") or "").strip()]
    return str(chosen[0]["title"]).strip() if chosen else ""


def _abstract(descriptions: object) -> str:
    if not isinstance(descriptions, list):
        return ""
    for item in descriptions:
        if isinstance(item, dict) and item.get("descriptionType") == "Abstract" and item.get("description"):
            return str(item["description"])
    return ""


def _issued(attrs: dict[str, Any]) -> tuple[int | None, int | None]:
    for wanted in ("Issued", "Available"):
        for item in attrs.get("dates") or []:
            if isinstance(item, dict) and item.get("dateType") == wanted:
                year, month = iso_year_month(item.get("date"))
                if year:
                    return year, month
    year, _ = iso_year_month(attrs.get("publicationYear"))
    return year, None


def _creators(creator: object) -> list[Contributor]:
    """One creator, or several when an old record packed them into one name ("Jones, M.; Slaughter, P.")."""
    if not isinstance(creator, dict):
        return []
    name = str(creator.get("name") or "")
    if ";" in name and not creator.get("familyName"):
        return [c for part in name.split(";") if part.strip()
                for c in [_creator({"name": part.strip(), "nameType": "Personal"})] if c is not None]
    found = _creator(creator)
    return [found] if found is not None else []


def _creator(creator: dict[str, Any]) -> Contributor | None:
    orcid = ""
    for ident in creator.get("nameIdentifiers") or []:
        if isinstance(ident, dict) and "orcid" in str(ident.get("nameIdentifierScheme", "")).lower():
            orcid = bare_orcid(ident.get("nameIdentifier"))
    family = str(creator.get("familyName") or "").strip()
    given = str(creator.get("givenName") or "").strip()
    name = str(creator.get("name") or "").strip()
    if family:
        return Contributor(family=family, given=given, orcid=orcid)
    if creator.get("nameType") in ("Personal", None) and name.count(",") == 1:
        last, first = (part.strip() for part in name.split(",", 1))
        return Contributor(family=last, given=first, orcid=orcid)
    return Contributor(family=name, orcid=orcid, literal=True) if name else None
