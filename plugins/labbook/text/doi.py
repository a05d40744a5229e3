"""Reading the ``doi`` field: the bare DOI from the many ways people write it, or nothing when it is not one.

A DOI is ``10.<registrant>/<suffix>`` (the DOI Handbook, section 2.2). Files copied from publishers and
reference managers write it as a resolver URL (``https://doi.org/...``, ``https://dx.doi.org/...``,
``http://doi.acm.org/...``), with a ``doi:`` prefix, or escaped for TeX (``10.1000/a\\_b``); all of these are the
same DOI. A value that is none of these (``92--101`` in the wrong field, a conference's web address) must not
become a doi.org link, a ``citation_doi`` meta tag or a CSL-JSON ``DOI``.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from labbook.text.link_fields import unwrap_tex_link

_PREFIX = re.compile(
    r"^(?:https?://(?:(?:dx\.|www\.)?doi\.org|doi\.acm\.org|doi\.ieeecomputersociety\.org)/|doi:\s*|doi\s+)",
    re.I,
)
_TEX_ESCAPE = re.compile(r"\\([_%&#$])")
_DOI = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")


def normalize_doi(value: str) -> str | None:
    """The bare DOI (``10.1145/3292500.3330701``) that ``value`` writes, ``""`` for an empty value, or ``None``
    when ``value`` is not a DOI."""
    text = _TEX_ESCAPE.sub(r"\1", unwrap_tex_link(value)).strip()
    if not text:
        return ""
    bare = _PREFIX.sub("", text).strip()
    if "%2f" in bare.lower():  # a resolver URL with the slash escaped
        bare = unquote(bare)
    return bare if _DOI.match(bare) else None
