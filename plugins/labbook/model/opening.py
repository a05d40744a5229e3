"""An open position from openings.yml, and the rule that decides whether it is still open."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import Field

from labbook.model.common import Record, Slug
from labbook.model.dates import Clock, DeadlineField, WhenField

#: Levels in the order the openings page lists them, with their headings.
LEVEL_HEADINGS: dict[str, str] = {
    "postdoc": "Postdoctoral researchers",
    "phd": "PhD students",
    "ms": "Master's students",
    "undergrad": "Undergraduate students",
    "other": "Other positions",
}

Level = Literal["postdoc", "phd", "ms", "undergrad", "other"]


@dataclass(frozen=True, slots=True)
class OpeningState:
    """Whether an opening is open at build time, and the words that say so."""

    is_open: bool
    label: str
    detail: str


class Opening(Record):
    """One position the lab is recruiting for (or was)."""

    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ("description", "apply")

    id: Slug
    """Identifier, used as the anchor on the openings page (``/openings/#<id>``)."""
    title: str = Field(min_length=1)
    """What the position is."""
    level: Level
    """postdoc, phd, ms, undergrad or other."""
    status: Literal["open", "closed"] = "open"
    """``closed`` hides the way to apply; ``open`` (the default) lasts until the deadline, if any."""
    deadline: DeadlineField | None = None
    """The last day (or instant) to apply, or ``rolling``; after it the build shows the opening closed."""
    posted: WhenField | None = None
    """When the opening was announced."""
    description: str | None = None
    """What the position is about, in Markdown."""
    apply: str | None = None
    """How to apply, in Markdown."""

    def state(self, clock: Clock) -> OpeningState:
        """Open or closed at ``clock.now``: ``closed`` wins, then a passed deadline closes the opening."""
        deadline = self.deadline
        if self.status == "closed":
            return OpeningState(False, "Closed", "")
        if deadline == "rolling":
            return OpeningState(True, "Open", "Rolling applications")
        if deadline is None:
            return OpeningState(True, "Open", "")
        if clock.is_over(deadline):
            return OpeningState(False, "Closed", f"Deadline passed ({deadline.label})")
        return OpeningState(True, "Open", f"Apply by {deadline.label}")
