"""Small pieces every importer shares: dates, ids, names, links and BibTeX text for new entries."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from labbook.model.common import is_slug
from labbook.model.person import PersonLinks
from labbook.text.safe_urls import check_url
from labbook.text.slugs import slugify

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def normalize_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``) from the dates Jekyll and Hugo sites write, else None.

    Accepts ISO dates with a time and zone (``2015-10-22 15:59:00-0400``, ``2013-07-01T00:00:00Z``), month
    names (``Jun 1, 2007``, ``1 June 2007``) and a bare year.
    """
    text = str(value or "").strip().strip("'\"")
    if m := re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return f"{int(m[1]):04d}-{int(m[2]):02d}" if 1 <= int(m[2]) <= 12 else None
    elif m := re.fullmatch(r"(\d{4})", text):
        return m[1]
    elif m := re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", text):
        year, month, day = int(m[3]), _MONTHS.get(m[1].lower(), 0), int(m[2])
    elif m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})", text):
        year, month, day = int(m[3]), _MONTHS.get(m[2].lower(), 0), int(m[1])
    elif m := re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{4})", text):
        month = _MONTHS.get(m[1].lower(), 0)
        return f"{m[2]}-{month:02d}" if month else None
    else:
        return None
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


class Ids:
    """Hands out unique ids per kind: the slug of a name, with ``-2``, ``-3`` when it repeats."""

    def __init__(self) -> None:
        self._used: dict[str, set[str]] = {}

    def reserve(self, kind: str, ident: str) -> None:
        """Mark ``ident`` as taken (an id that exists in the site merged into)."""
        self._used.setdefault(kind, set()).add(ident)

    def taken(self, kind: str, ident: str) -> bool:
        """Whether ``ident`` is already used for ``kind``."""
        return ident in self._used.get(kind, set())

    def new(self, kind: str, text: str, fallback: str = "item") -> str:
        """A fresh id for ``kind`` made from ``text``."""
        base = text if is_slug(text) and text != "index" else slugify(text, fallback=fallback)
        base = base[:60].rstrip("-_") or fallback
        if base == "index":
            base = f"{fallback}-index"
        used = self._used.setdefault(kind, set())
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        return ident


def clean_text(value: Any) -> str:
    """Text of a front-matter value without HTML tags and entities (for titles and one-line fields)."""
    import html

    text = html.unescape(re.sub(r"<[^>]+>", "", str(value or "")))
    return " ".join(text.split())


_LINK_FIELDS = set(PersonLinks.model_fields)


def person_links(candidates: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Profile links labbook knows (validated as its loader will), and the rest, which the report lists.

    ``candidates`` maps labbook's link names (``github``, ``scholar``, ...) or any other name to values.
    """
    kept: dict[str, str] = {}
    other: dict[str, str] = {}
    for kind, raw in candidates.items():
        value = str(raw or "").strip()
        if not value:
            continue
        if kind == "email":
            value = value.removeprefix("mailto:")
            if " (at) " in value or "[at]" in value:
                value = re.sub(r"\s*[\[(]at[\])]\s*", "@", value)
        if kind == "scholar" and (m := re.search(r"user=([A-Za-z0-9_-]{12})", value)):
            value = m[1]
        if kind == "orcid" and (m := re.search(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])", value)):
            value = m[1]
        if kind in _LINK_FIELDS and _link_ok(kind, value):
            kept[kind] = value
        else:
            other[kind] = value
    return kept, other


def _link_ok(kind: str, value: str) -> bool:
    try:
        PersonLinks.model_validate({kind: value})
    except ValueError:
        return False
    return True


def safe_url(value: Any) -> str | None:
    """``value`` when labbook accepts it as a link (http, https, mailto or relative), else None."""
    text = str(value or "").strip()
    return check_url(text) if text else None


_BIB_ESCAPES = {"%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_"}


def bib_value(text: str) -> str:
    """Plain text made safe inside a braced BibTeX value (special characters escaped, braces balanced)."""
    out = re.sub(r"(?<!\\)[%&#$_]", lambda m: _BIB_ESCAPES[m[0]], " ".join(str(text).split()))
    depth = 0
    for char in out:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        out = out.replace("{", "(").replace("}", ")")
    return out


def bib_key(text: str) -> str:
    """A BibTeX key from a file stem: kept when it is already a plain key, else slugified."""
    return text if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_:.\-]*", text) else slugify(text, fallback="entry")


def bib_entry(entry_type: str, key: str, fields: dict[str, str], raw: frozenset[str] = frozenset()) -> str:
    """One BibTeX entry; fields named in ``raw`` are written as given (already BibTeX), the rest escaped."""
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields.items():
        if value:
            lines.append(f"  {name} = {{{value if name in raw else bib_value(value)}}},")
    lines.append("}")
    return "\n".join(lines)


def split_names(text: str) -> list[str]:
    """Author names from a free-text list (``A, B and C``, ``A; B; C``, ``A & B``)."""
    parts = re.split(r"\s*(?:;|\band\b|&|,)\s*", clean_text(text))
    return [p.strip(" .*") for p in parts if p.strip(" .*")]
