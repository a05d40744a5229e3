"""al-folio's citation badges, for sites that opt in (``badges: [altmetric, dimensions, scholar]``).

Altmetric and Dimensions badges are empty elements that their providers' scripts fill in; labbook.js loads
those scripts only when such an element is on the page, so a site without the option makes no request to them.
The Google Scholar badge is a plain link.
"""

from __future__ import annotations

import re
from typing import Any

from labbook.model.publication import Publication

_TRUE = {"true", "yes", "1"}


def citation_badges(pub: Publication, enabled: tuple[str, ...]) -> list[dict[str, Any]]:
    """The badges of ``pub`` among ``enabled``, each ``{"kind", "attrs", "url"}`` (attributes of the element
    a provider's script fills in, or the URL of a link)."""
    raw = pub.raw
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", raw.get("doi").strip(), flags=re.I)
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
    if "scholar" in enabled and re.fullmatch(r"[\w-]+:[\w-]+", scholar):
        # al-folio writes the citation's id as USER:ARTICLE (the part after the profile's user id).
        out.append({"kind": "scholar", "attrs": {}, "url": "https://scholar.google.com/citations?view_op=view_citation&hl=en"
                                               f"&citation_for_view={scholar}"})
    return out
