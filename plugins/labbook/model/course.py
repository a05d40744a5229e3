"""A course from courses.yml, shown on the teaching page."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from labbook.model.common import Record, Url
from labbook.text.slugs import slugify

#: Course levels with their labels.
COURSE_LEVELS: dict[str, str] = {
    "undergraduate": "Undergraduate",
    "graduate": "Graduate",
    "mixed": "Undergraduate and graduate",
}


class Course(Record):
    """One course the lab teaches."""

    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ("description",)
    REF_FIELDS: ClassVar[dict[str, str]] = {"instructors": "person"}

    code: str = Field(min_length=1)
    """The course code, e.g. "ECE 532" (unique in the file; its slug is the anchor on the teaching page)."""
    title: str | None = None
    """The course title."""
    level: Literal["undergraduate", "graduate", "mixed"] | None = None
    """undergraduate, graduate or mixed."""
    terms: list[str] = Field(default_factory=list)
    """Terms it is (or was) taught, e.g. ["Fall 2024", "Spring 2025"]."""
    instructors: list[str] = Field(default_factory=list)
    """Person ids from people.yml."""
    description: str | None = None
    """What the course covers, in Markdown."""
    url: Url | None = None
    """The course's own page."""

    @property
    def anchor(self) -> str:
        """The anchor of the course on the teaching page ("ece-532")."""
        return slugify(self.code, fallback="course")

    @property
    def level_label(self) -> str:
        """The human label of :attr:`level` ("" when not given)."""
        return COURSE_LEVELS.get(self.level or "", "")
