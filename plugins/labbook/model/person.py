"""A lab member (or alumnus) from people.yml."""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from labbook.model.common import BAD_PROFILE, Record, Slug, Url
from labbook.model.cv import Award, Education, Service, Work
from labbook.text.safe_urls import check_url

#: Roles in the order the people page lists them, with their headings.
ROLE_HEADINGS: dict[str, str] = {
    "pi": "Principal investigator",
    "postdoc": "Postdoctoral researchers",
    "phd": "PhD students",
    "ms": "Master's students",
    "undergrad": "Undergraduate students",
    "staff": "Staff",
    "visitor": "Visitors",
    "alumni": "Alumni",
}

Role = Literal["pi", "postdoc", "phd", "ms", "undergrad", "staff", "visitor", "alumni"]


#: What a bare value of each profile link must look like, what it is called, and an example.
_HANDLES: dict[str, tuple[re.Pattern[str], str, str]] = {
    # GitHub: letters, digits and single inner hyphens, at most 39 characters.
    "github": (re.compile(r"@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"), "a GitHub user name", "octocat"),
    # X/Twitter: letters, digits and '_', at most 15 characters.
    "twitter": (re.compile(r"@?[A-Za-z0-9_]{1,15}"), "an X handle", "@octocat"),
    "orcid": (re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dXx]"), "an ORCID iD", "0000-0002-1825-0097"),
    # OpenAlex author ids: "A" and up to a dozen digits (https://openalex.org/A5023888391).
    "openalex": (re.compile(r"[Aa]\d{4,12}"), "an OpenAlex author id", "A5023888391"),
    # The `user=` value of a profile URL: twelve letters, digits, '-' or '_'.
    "scholar": (re.compile(r"[A-Za-z0-9_-]{12}"), "a Google Scholar user id", "qc6CJjYAAAAJ"),
}


def orcid_checksum_ok(orcid: str) -> bool:
    """Whether the last character of an ORCID iD is its ISO 7064 MOD 11-2 check digit (catches most typos)."""
    digits = orcid.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return digits[-1].upper() == ("X" if result == 10 else str(result))


def _profile(kind: str, value: str) -> str:
    """``value`` if it is a valid bare handle/id for ``kind`` or a full https URL, else a droppable error."""
    pattern, what, example = _HANDLES[kind]
    if value.lower().startswith("https://") and check_url(value) is not None:
        return value
    if pattern.fullmatch(value):
        if kind == "openalex":
            return value.upper()
        if kind != "orcid":
            return value
        if orcid_checksum_ok(value):
            return value.upper()
        raise PydanticCustomError(BAD_PROFILE, "'{value}' is not a valid ORCID iD (its check digit does not match)",
                                  {"value": value[:80], "hint": "copy the iD from your ORCID record"})
    raise PydanticCustomError(BAD_PROFILE, "'{value}' is not {what} or an https:// address",
                              {"value": value[:80], "what": what,
                               "hint": f"write {what} such as '{example}', or the profile's full https:// URL"})


class PersonLinks(Record):
    """Profile links; bare handles are accepted where the site is known (``github: octocat``)."""

    homepage: Url | None = None
    """Personal web page."""
    email: str | None = None
    """An address; shown as a mailto: link."""
    orcid: str | None = None
    """An ORCID iD (``0000-0002-1825-0097``) or its URL."""
    openalex: str | None = None
    """An OpenAlex author id (``A5023888391``) or its URL; ``labbook sync`` reads the works it lists."""
    scholar: str | None = None
    """A Google Scholar user id or profile URL."""
    github: str | None = None
    """A GitHub user name or URL."""
    twitter: str | None = None
    """An X/Twitter handle or URL."""
    linkedin: Url | None = None
    """A LinkedIn profile URL."""
    cv: Url | None = None
    """A CV, as a URL or a path relative to the site."""

    @field_validator("orcid", "openalex", "scholar", "github", "twitter")
    @classmethod
    def _handle(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _profile(str(info.field_name), value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
            raise ValueError(f"'{value}' is not an e-mail address")
        return value

    def resolved(self) -> list[tuple[str, str, str]]:
        """(kind, label, url) for every link given, in a fixed order."""
        out: list[tuple[str, str, str]] = []
        expand = {
            "homepage": ("Homepage", lambda v: v),
            "email": ("Email", lambda v: "mailto:" + v),
            "orcid": ("ORCID", lambda v: v if v.startswith("http") else "https://orcid.org/" + v),
            "openalex": ("OpenAlex", lambda v: v if v.startswith("http") else "https://openalex.org/" + v),
            "scholar": ("Google Scholar", lambda v: v if v.startswith("http")
                        else "https://scholar.google.com/citations?user=" + v),
            "github": ("GitHub", lambda v: v if v.startswith("http") else "https://github.com/" + v.lstrip("@")),
            "twitter": ("X", lambda v: v if v.startswith("http") else "https://x.com/" + v.lstrip("@")),
            "linkedin": ("LinkedIn", lambda v: v),
            "cv": ("CV", lambda v: v),
        }
        for kind, (label, make) in expand.items():
            value = getattr(self, kind)
            if value:
                out.append((kind, label, make(value)))
        return out


class Person(Record):
    """One person of the lab. Authors in BibTeX are matched to ``name`` and ``aliases``."""

    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ("bio",)

    id: Slug
    """Identifier used in URLs (``/people/<id>/``) and in other files (a talk's ``speaker``)."""
    name: str = Field(min_length=1)
    """Full name as it should be shown."""
    aliases: list[str] = Field(default_factory=list)
    """Other spellings of the name used in author lists ("K. Lee", "Lee, Kangwook")."""
    role: Role
    """pi, postdoc, phd, ms, undergrad, staff, visitor or alumni."""
    position: str | None = None
    """Free-text position, e.g. "Assistant Professor, ECE"."""
    affiliation: str | None = None
    """Department or institution."""
    since: int | None = Field(default=None, ge=1900, le=2200)
    """Year the person joined."""
    until: int | None = Field(default=None, ge=1900, le=2200)
    """Year the person left (alumni)."""
    now: str | None = None
    """Alumni: where they went."""
    photo: Url | None = None
    """Photo path relative to the site, or URL; a placeholder is shown without one."""
    bio: str | None = None
    """A short biography in Markdown."""
    links: PersonLinks = Field(default_factory=PersonLinks)
    """Profile links."""
    work: list[Work] = Field(default_factory=list)
    """CV: positions held (JSON Resume ``work``: name, position, startDate, endDate, location, url, summary)."""
    education: list[Education] = Field(default_factory=list)
    """CV: degrees (JSON Resume ``education``: institution, area, studyType, startDate, endDate)."""
    awards: list[Award] = Field(default_factory=list)
    """CV: awards and honours (JSON Resume ``awards``: title, date, awarder, summary)."""
    service: list[Service] = Field(default_factory=list)
    """CV: professional service (JSON Resume ``volunteer``: organization, position, startDate, endDate)."""
    cv_page: bool | None = None
    """Whether /people/<id>/cv/ exists; by default it does when any CV list above has an entry."""

    @property
    def has_cv(self) -> bool:
        """Whether this person gets a CV page."""
        if self.cv_page is not None:
            return self.cv_page
        return bool(self.work or self.education or self.awards or self.service)
