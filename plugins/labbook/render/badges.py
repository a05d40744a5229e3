"""al-folio's citation badges, for sites that opt in (``badges: [altmetric, dimensions, scholar]``).

Altmetric and Dimensions badges are empty elements that their providers' scripts fill in; labbook.js loads
those scripts only when such an element is on the page, so a site without the option makes no request to them.
The Google Scholar badge is a plain link.
"""

from __future__ import annotations

import re
from typing import Any

from labbook.model.person import Person
from labbook.model.publication import Publication
from labbook.text.doi import normalize_doi

_TRUE = {"true", "yes", "1"}


def citation_badges(pub: Publication, enabled: tuple[str, ...],
                    scholar_user: str | None = None) -> list[dict[str, Any]]:
    """The badges of ``pub`` among ``enabled``, each ``{"kind", "attrs", "url"}`` (attributes of the element
    a provider's script fills in, or the URL of a link). ``scholar_user`` is the Google Scholar user id a bare
    ``google_scholar_id`` (the article part alone, as al-folio writes it) belongs to."""
    raw = pub.raw
    doi = normalize_doi(raw.get("doi")) or ""  # the same DOI the links, meta tags and CSL-JSON use
    out: list[dict[str, Any]] = []
    altmetric = raw.get("altmetric").strip()
    if "altmetric" in enabled and altmetric:
        if altmetric.lower() not in _TRUE:
            attrs = {"data-altmetric-id": altmetric}
        elif doi:
            attrs = {"data-doi": doi}
        elif raw.get("arxiv").strip():
            attrs = {"data-arxiv-id": raw.get("arxiv").strip()}
        else:
            attrs = {}
        if attrs:
            out.append({"kind": "altmetric", "url": "", "attrs": {"class": "altmetric-embed", "data-badge-type": "2",
                                                                 "data-badge-popover": "right", **attrs}})
    dimensions = raw.get("dimensions").strip()
    if "dimensions" in enabled and dimensions:
        attrs = {"data-doi": doi} if dimensions.lower() in _TRUE and doi else \
            {} if dimensions.lower() in _TRUE else {"data-pmid": dimensions}
        if attrs:
            out.append({"kind": "dimensions", "url": "", "attrs": {"class": "__dimensions_badge_embed__",
                                                                  "data-style": "small_rectangle", **attrs}})
    scholar = raw.get("google_scholar_id").strip()
    if scholar_user and re.fullmatch(r"[\w-]+", scholar):
        # al-folio writes the article id alone and takes the user id from the site's socials (scholar_userid).
        scholar = f"{scholar_user}:{scholar}"
    if "scholar" in enabled and re.fullmatch(r"[\w-]+:[\w-]+", scholar):
        out.append({"kind": "scholar", "attrs": {}, "url": "https://scholar.google.com/citations?view_op=view_citation&hl=en"
                                               f"&citation_for_view={scholar}"})
    return out


def scholar_user_of(pub: Publication, people: dict[str, Person]) -> str | None:
    """The Google Scholar user id a bare ``google_scholar_id`` of ``pub`` belongs to: that of the first lab member
    among its authors who has one, else of the lab's first PI who has one (al-folio's site owner)."""
    for author in pub.authors:
        person = people.get(author.person_id or "")
        if person is not None and person.links.scholar:
            return _scholar_id(person.links.scholar)
    for person in people.values():
        if person.role == "pi" and person.links.scholar:
            return _scholar_id(person.links.scholar)
    return None


def _scholar_id(value: str) -> str:
    found = re.search(r"[?&]user=([\w-]+)", value)
    return found.group(1) if found else value
