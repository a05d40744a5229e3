"""What the link fields of a BibTeX entry point at, as written by people, arXiv, Scholar and Zotero.

Two habits of real files are read here: a link wrapped in TeX (``website = {\\url{https://...}}``,
``\\href{https://...}{text}``), which is the address inside; and an arXiv preprint written the way arXiv,
Google Scholar and Zotero export it (``eprint = {2503.01234}, archivePrefix = {arXiv}``, or with
``primaryClass``), which is an arXiv link.
"""

from __future__ import annotations

import re

_WRAPPED = re.compile(r"^\{?\s*\\(?:url|href)\s*\{([^{}]*)\}(?:\s*\{.*\})?\s*\}?$", re.S)
_ARXIV_ID = re.compile(r"^(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)$", re.I)
_ARXIV_URL = re.compile(r"^https?://(?:www\.)?(?:export\.)?arxiv\.org/(?:abs|pdf)/([^?#]+?)(?:\.pdf)?/?$", re.I)
_URL_ESCAPE = re.compile(r"\\([%#&_~$])")


def unwrap_tex_link(value: str) -> str:
    """The address in ``\\url{...}`` or ``\\href{...}{...}`` (TeX escapes such as ``\\_`` undone), else ``value``."""
    found = _WRAPPED.match(value.strip())
    if found is None:
        return value
    return _URL_ESCAPE.sub(r"\1", found.group(1).strip())


def eprint_arxiv_id(fields: dict[str, str]) -> str:
    """The arXiv id of an entry that names its preprint only in ``eprint`` (with ``archivePrefix = {arXiv}`` or
    a ``primaryClass``), or ``""``; ``fields`` are the entry's lower-case field names and values."""
    prefix = fields.get("archiveprefix", "").strip().lower()
    eprinttype = fields.get("eprinttype", "").strip().lower()
    if not (prefix == "arxiv" or eprinttype == "arxiv" or (not prefix and fields.get("primaryclass", "").strip())):
        return ""
    found = _ARXIV_ID.match(fields.get("eprint", "").strip())
    return found.group(1) if found else ""


def arxiv_id_of_url(url: str) -> str:
    """The arXiv id in an ``arxiv.org/abs/...`` or ``/pdf/...`` address, without its version, or ``""``."""
    found = _ARXIV_URL.match(url.strip())
    return re.sub(r"v\d+$", "", found.group(1)) if found else ""
