"""arXiv's Atom feed (``/api/query?id_list=...``) -> one :class:`Work` per entry, keyed by arXiv id."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from labbook.load.entries import parse_author
from labbook.online.ids import split_arxiv_version
from labbook.online.markup import arxiv_text_to_tex
from labbook.online.records import BadRecord, iso_year_month
from labbook.online.work import Contributor, Work

_NS = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
_ABS_ID = re.compile(r"arxiv\.org/abs/(.+)$")
#: Author "names" that are a group, kept whole: "ATLAS Collaboration", "The LIGO Scientific Consortium".
_GROUP = re.compile(r"\b(collaboration|consortium|team|group|committee|project|network|initiative)\b", re.I)
#: arXiv's own archive names; a <category> term outside them (an MSC code such as "53C") is not a class.
_ARCHIVE = re.compile(r"^(?:astro-ph|cond-mat|gr-qc|hep-(?:ex|lat|ph|th)|math-ph|nlin|nucl-(?:ex|th)|physics|quant-ph|"
                      r"math|cs|q-bio|q-fin|stat|eess|econ)(?:\.[A-Za-z\-]+)?$")


def read_arxiv(body: bytes) -> dict[str, Work]:
    """Every entry of an arXiv API feed, by arXiv id without version; an empty feed gives an empty dict.

    arXiv answers 200 with no entry for an unknown id, and silently leaves out missing ids of a list, so
    results are matched by id, never by position.
    """
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise BadRecord(f"the answer is not a valid arXiv Atom feed: {exc}") from exc
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        raise BadRecord("the answer is not an arXiv Atom feed (no <feed> element)")
    works: dict[str, Work] = {}
    for entry in root.findall("atom:entry", _NS):
        work = _entry(entry)
        if work is not None:
            works[work.arxiv] = work
    return works


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path, _NS)
    return (found.text or "").strip() if found is not None else ""


def _entry(entry: ET.Element) -> Work | None:
    found = _ABS_ID.search(_text(entry, "atom:id"))
    if not found:  # arXiv's old error feeds carry an <entry> whose id is the API's, not a paper's
        return None
    arxiv_id, version = split_arxiv_version(found.group(1))
    year, month = iso_year_month(_text(entry, "atom:published"))
    primary = entry.find("arxiv:primary_category", _NS)
    primary_class = primary.get("term", "") if primary is not None else ""
    if not primary_class:
        terms = [c.get("term", "") for c in entry.findall("atom:category", _NS)]
        primary_class = next((t for t in terms if _ARCHIVE.match(t)), "")
    doi = _text(entry, "arxiv:doi").lower()
    return Work(
        source="arxiv",
        kind="misc",
        venue_field="howpublished",
        record_type="preprint",
        title=arxiv_text_to_tex(_text(entry, "atom:title"), protect_acronyms=True),
        authors=[_author(name) for name in _names(entry)],
        venue=f"arXiv preprint arXiv:{arxiv_id}",
        year=year,
        month=month,
        doi=doi,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        arxiv=arxiv_id,
        arxiv_version=version,
        primary_class=primary_class,
        journal_ref=_text(entry, "arxiv:journal_ref"),
        abstract=arxiv_text_to_tex(_text(entry, "atom:summary")),
    )


def _names(entry: ET.Element) -> list[str]:
    return [n for n in (_text(a, "atom:name") for a in entry.findall("atom:author", _NS)) if n]


def _author(name: str) -> Contributor:
    """A name as arXiv gives it ("Peter H. N. de With"), split the way BibTeX splits it."""
    if _GROUP.search(name):
        return Contributor(family=name, literal=True)
    try:
        parsed = parse_author(name)
    except Exception:  # pybtex refuses a few strings as names; such a name is kept whole
        return Contributor(family=name, literal=True)
    if not parsed.last:
        return Contributor(family=name, literal=True)
    return Contributor(family=parsed.last, given=parsed.first)
