"""The CV part of a person in people.yml, in JSON Resume's shape where it has one.

Each list takes JSON Resume's key names (https://jsonresume.org/schema), so a ``resume.json`` (al-folio keeps
one) maps onto people.yml key for key: ``work`` (positions), ``education``, ``awards``; JSON Resume's
``volunteer`` is called ``service`` here, which is what academic CVs call reviewing, committees and
organising. Dates are written as in JSON Resume: ``2019``, ``2019-08`` or ``2019-08-15``; an entry without an
``endDate`` is current.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from labbook.model.common import Record, Url

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not _DATE.fullmatch(text):
        raise ValueError(f"'{text}' is not a date written as 2019, 2019-08 or 2019-08-15")
    return text


class _Dated(Record):
    startDate: str | None = None
    """When it started (2019, 2019-08 or 2019-08-15)."""
    endDate: str | None = None
    """When it ended; none means current."""

    @field_validator("startDate", "endDate", mode="before")
    @classmethod
    def _dates(cls, value: object) -> str | None:
        return _date(value)


class Work(_Dated):
    """A position (JSON Resume ``work``)."""

    name: str = Field(min_length=1)
    """The employer or institution."""
    position: str | None = None
    """The title held there."""
    location: str | None = None
    url: Url | None = None
    summary: str | None = None


class Education(_Dated):
    """A degree (JSON Resume ``education``)."""

    institution: str = Field(min_length=1)
    area: str | None = None
    """The field ("Electrical Engineering")."""
    studyType: str | None = None
    """The degree ("PhD", "BS")."""
    url: Url | None = None
    score: str | None = None


class Award(Record):
    """An award, fellowship or honour (JSON Resume ``awards``)."""

    title: str = Field(min_length=1)
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _when(cls, value: object) -> str | None:
        return _date(value)


class Service(_Dated):
    """Reviewing, committees, organising (JSON Resume ``volunteer``)."""

    organization: str = Field(min_length=1)
    position: str | None = None
    url: Url | None = None
    summary: str | None = None


def span(start: str | None, end: str | None) -> str:
    """A date range as a CV prints it: ``2019–2021``, ``2019–present``, ``2019``."""
    first = (start or "")[:4]
    last = (end or "")[:4]
    if first and last:
        return first if first == last else f"{first}–{last}"
    if first:
        return f"{first}–present"
    return last
