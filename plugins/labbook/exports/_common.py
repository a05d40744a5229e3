"""Small helpers shared by the exporters: identifiers, dates, pages and absolute URLs."""

from __future__ import annotations

import re

from labbook.model.publication import Author, Publication
from labbook.text.doi import normalize_doi
from labbook.text.latex import latex_to_text

# TeX escapes that show up in identifiers copied into .bib files (10.1000/a\_b); the value is an id, not text.
_ID_ESCAPE = re.compile(r"\\([_%&#$])")
_ARXIV_CORE = r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
_ARXIV_FIELD = re.compile(r"^\s*(?:arxiv:\s*)?" + _ARXIV_CORE + r"\s*$", re.I)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/" + _ARXIV_CORE, re.I)
_ARXIV_IN_TEXT = re.compile(r"\barxiv:\s*" + _ARXIV_CORE, re.I)
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")


def plain(tex: str) -> str:
    """Plain Unicode text for a TeX field value ("" for an empty one); math stays as ``$...$`` TeX."""
    return latex_to_text(tex) if tex else ""


def field_text(pub: Publication, name: str) -> str:
    """The plain-text value of BibTeX field ``name`` (own or inherited through crossref)."""
    return plain(pub.raw.get(name))


def bare_doi(pub: Publication) -> str:
    """The DOI without resolver prefix ("10.1000/xyz"), or "" when the entry has none or its doi field holds
    something else (the loader reports that)."""
    return normalize_doi(pub.raw.get("doi")) or ""


def doi_url(pub: Publication) -> str:
    """``https://doi.org/<doi>``, or "" without a DOI."""
    doi = bare_doi(pub)
    return f"https://doi.org/{doi}" if doi else ""


def arxiv_id(pub: Publication) -> str:
    """The arXiv identifier ("2401.01234v2", "math/0601001") from the fields or links, or ""."""
    raw = pub.raw
    candidates = [raw.get("arxiv")]
    # eprint holds an arXiv id only for arXiv entries; elsewhere it is often a publisher's PDF path.
    if raw.get("archiveprefix").strip().lower() in {"", "arxiv"}:
        candidates.append(raw.get("eprint"))
    for value in candidates:
        found = _ARXIV_FIELD.match(_ID_ESCAPE.sub(r"\1", value))
        if found:
            return found.group(1)
    for value in [*(lk.url for lk in pub.links), raw.get("url"), raw.get("journal"), raw.get("note")]:
        found = _ARXIV_URL.search(value) or _ARXIV_IN_TEXT.search(value)
        if found:
            return found.group(1)
    return ""


def absolute_url(url: str | None) -> str:
    """``url`` when it is an absolute http(s) URL without spaces, else "" (relative links mean nothing
    once the data leaves the site)."""
    if not url:
        return ""
    value = url.strip()
    ok = re.match(r"^https?://[^\s/?#]+", value, re.I) is not None and not re.search(r"\s", value)
    return value if ok else ""


def page_range(pub: Publication) -> tuple[str, str]:
    """(first page, last page) from ``pages``; the last is "" for a single page or article number."""
    text = field_text(pub, "pages")
    if not text:
        return "", ""
    parts = [p for p in _DASHES.split(text) if p]
    if len(parts) >= 2:
        return parts[0], parts[-1]
    return (parts[0] if parts else text.strip()), ""


def pages_hyphen(pub: Publication) -> str:
    """``pages`` with any dash (``--``, en dash) as one hyphen: "123-145"."""
    first, last = page_range(pub)
    return f"{first}-{last}" if last else first


def container_title(pub: Publication) -> str:
    """The journal or proceedings/book title the work appeared in, as plain text."""
    return field_text(pub, "journal") or field_text(pub, "booktitle") or field_text(pub, "journaltitle")


def name_suffix(author: Author) -> str:
    """The lineage part of a name ("Jr.", "III"), which :class:`Author` keeps only in ``text``."""
    base = " ".join(p for p in (author.first, author.last) if p)
    if author.text != base and author.text.startswith(base + ", "):
        return author.text[len(base) + 2 :]
    return ""


def inverted_name(author: Author) -> str:
    """ "Last, First" (with ", Jr." after the first names); a name with no first part stays as written."""
    if not author.first:
        return author.text
    suffix = name_suffix(author)
    return f"{author.last}, {author.first}" + (f", {suffix}" if suffix else "")
