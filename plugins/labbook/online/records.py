"""Small helpers every reader of a service's record shares: ORCID iDs, page ranges, dates, JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from labbook.online.http import FetchError

_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", re.IGNORECASE)


class BadRecord(FetchError):
    """A service answered 200 with something that is not the record it promised (malformed JSON or XML)."""


def parse_json(body: bytes, what: str) -> Any:
    """``body`` as JSON, or :class:`BadRecord` naming ``what`` was expected."""
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRecord(f"the answer is not valid JSON ({what} expected): {str(exc)[:80]}") from exc


def bare_orcid(value: object) -> str:
    """``0000-0002-1825-0097`` from an iD or its URL (``http://orcid.org/...``); "" when there is none."""
    found = _ORCID.search(str(value or ""))
    return found.group(1).upper() if found else ""


def page_range(value: object) -> str:
    """``12--34`` from ``12-34`` or ``12–34``: BibTeX's en dash between first and last page."""
    text = str(value or "").strip()
    return re.sub(r"\s*(?:-+|–|—)\s*", "--", text)


def first_text(value: object) -> str:
    """The first non-empty string of a list (Crossref gives titles as lists, some holding only "")."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and item.strip():
                return item.strip()
    return ""


def date_parts(value: object) -> tuple[int | None, int | None]:
    """(year, month) from Crossref's ``{"date-parts": [[2012, 9]]}``; (None, None) for ``[[null]]``."""
    if not isinstance(value, dict):
        return None, None
    parts = value.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        return None, None
    numbers = [p if isinstance(p, int) else _int(p) for p in parts[0]]
    year = numbers[0] if numbers and numbers[0] and 1000 <= numbers[0] <= 2999 else None
    month = numbers[1] if year and len(numbers) > 1 and numbers[1] and 1 <= numbers[1] <= 12 else None
    return year, month


def iso_year_month(value: object) -> tuple[int | None, int | None]:
    """(year, month) from an ISO date such as ``2023-11-27T12:00:00Z`` or ``2021``."""
    found = re.match(r"\s*(\d{4})(?:-(\d{2}))?", str(value or ""))
    if not found:
        return None, None
    month = int(found.group(2)) if found.group(2) and 1 <= int(found.group(2)) <= 12 else None
    return int(found.group(1)), month


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None
