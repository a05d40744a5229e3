"""What a user may type to name a paper: the DOI and arXiv id forms ``labbook add`` accepts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

#: A new-style arXiv id (``2310.17513``, optionally ``v2``); old-style ids are ``archive(.SUB)/YYMMNNN``.
_NEW_ARXIV = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?", re.IGNORECASE)
_OLD_ARXIV = re.compile(r"([a-z][a-z\-]*(?:\.[a-z]{2})?/\d{7})(v\d+)?", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_DOI_URL = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(.+)", re.IGNORECASE)
_ARXIV_URL = re.compile(r"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/(.+?)(?:\.pdf)?/?$",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PaperId:
    """A DOI (lower-cased, as DOIs are case-insensitive) or an arXiv id with its version apart."""

    kind: Literal["doi", "arxiv"]
    value: str
    version: str = ""
    """``v2`` when an arXiv id named a version, else empty."""

    def __str__(self) -> str:
        return f"arXiv:{self.value}{self.version}" if self.kind == "arxiv" else self.value


class BadId(ValueError):
    """The text is neither a DOI nor an arXiv id in a form labbook knows (the message says which forms are)."""


def parse_id(text: str) -> PaperId:
    """The paper ``text`` names: a DOI (bare, ``doi:``, doi.org URL) or an arXiv id (bare, ``arXiv:``, URL).

    An arXiv DOI (``10.48550/arXiv.2310.17513``) is read as the arXiv id, since arXiv, not Crossref, holds
    its record. Raises :class:`BadId` for anything else.
    """
    value = text.strip()
    url = _DOI_URL.fullmatch(value)
    if url:
        value = unquote(url.group(1))
    elif value.lower().startswith("doi:"):
        value = value[4:].strip()
    else:
        arxiv_url = _ARXIV_URL.fullmatch(value)
        if arxiv_url:
            return _arxiv(arxiv_url.group(1), text)
        if value.lower().startswith("arxiv:"):
            return _arxiv(value[6:].strip(), text)
    if _DOI.fullmatch(value):
        arxiv_doi = _ARXIV_DOI.fullmatch(value)
        if arxiv_doi:
            return _arxiv(arxiv_doi.group(1), text)
        return PaperId("doi", value.lower())
    if _NEW_ARXIV.fullmatch(value) or _OLD_ARXIV.fullmatch(value):
        return _arxiv(value, text)
    raise BadId(f"'{text}' is neither a DOI (10.xxxx/...) nor an arXiv id (2310.17513, math/0211159)")


def _arxiv(value: str, original: str) -> PaperId:
    for pattern in (_NEW_ARXIV, _OLD_ARXIV):
        found = pattern.fullmatch(value.strip())
        if found:
            return PaperId("arxiv", found.group(1).lower() if pattern is _NEW_ARXIV else _old(found.group(1)),
                           (found.group(2) or "").lower())
    raise BadId(f"'{original}' is not an arXiv id (2310.17513, 2310.17513v2 or math/0211159)")


def _old(value: str) -> str:
    # "math.AG/0211159" names the same paper as "math/0211159": the subject class is not part of the id.
    archive, number = value.split("/")
    return f"{archive.split('.')[0].lower()}/{number}"


def split_arxiv_version(value: str) -> tuple[str, str]:
    """``("2310.17513", "v2")`` from ``2310.17513v2``; also for old-style ids; ``(value, "")`` otherwise."""
    for pattern in (_NEW_ARXIV, _OLD_ARXIV):
        found = pattern.fullmatch(value.strip())
        if found:
            return found.group(1), (found.group(2) or "").lower()
    return value.strip(), ""


def normalize_doi(value: str) -> str:
    """A DOI as compared: lower case, without a ``doi:`` prefix or a doi.org URL around it."""
    value = value.strip()
    url = _DOI_URL.fullmatch(value)
    if url:
        value = unquote(url.group(1))
    elif value.lower().startswith("doi:"):
        value = value[4:]
    return value.strip().lower()
