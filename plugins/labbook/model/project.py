"""A research project from projects.yml: background, contributions, and the people, papers and talks in it."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from labbook.model.common import Record, Slug


class Project(Record):
    """One research project."""

    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ("background", "contributions")
    REF_FIELDS: ClassVar[dict[str, str]] = {"people": "person", "publications": "pub", "talks": "talk"}

    id: Slug
    """Identifier used in URLs (``/projects/<id>/``)."""
    title: str = Field(min_length=1)
    """The project's name."""
    status: Literal["ongoing", "done"] = "ongoing"
    """ongoing (the default) or done."""
    summary: str | None = None
    """One or two plain sentences for the projects index and for people's pages."""
    background: str | None = None
    """Why the project exists, in Markdown."""
    contributions: str | None = None
    """What it found or built, in Markdown (a list works well)."""
    people: list[str] = Field(default_factory=list)
    """Person ids from people.yml."""
    publications: list[str] = Field(default_factory=list)
    """BibTeX keys of its papers."""
    talks: list[str] = Field(default_factory=list)
    """Talk ids from talks.yml."""
    topics: list[str] = Field(default_factory=list)
    """Topics, as for publications."""
