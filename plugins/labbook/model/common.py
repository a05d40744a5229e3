"""What every YAML record shares: strict keys, where it was written, and the small typed values."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Protocol, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, PrivateAttr
from pydantic_core import PydanticCustomError

from labbook.text.path_names import MAX_NAME
from labbook.text.safe_urls import check_url

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError("an id uses only lower-case letters, digits, '-' and '_', and starts with a letter or "
                         f"digit (got '{value}')")
    if value == "index":
        # people/index.md is the people page itself; a person with this id would replace it.
        raise ValueError("the id 'index' is reserved for the index pages; choose another")
    if len(value) > MAX_NAME:
        # The id names the record's page, and file systems refuse very long names.
        raise ValueError(f"an id has at most {MAX_NAME} characters (this one has {len(value)})")
    return value


def is_slug(value: str) -> bool:
    """True when ``value`` is a valid id (lower-case letters, digits, ``-`` and ``_``)."""
    return bool(_SLUG.match(value))


#: The pydantic error type of a refused link; the loader drops the link and keeps the record.
UNSAFE_URL = "unsafe_url"
#: The pydantic error type of a profile link that is neither a valid handle/id nor an https URL (dropped too).
BAD_PROFILE = "bad_profile"
#: Every error type after which the loader drops the value and keeps the record.
DROPPABLE = frozenset({UNSAFE_URL, BAD_PROFILE})


def _url(value: str) -> str:
    checked = check_url(value)
    if checked is None:
        raise PydanticCustomError(UNSAFE_URL, "'{url}' is not an http(s), mailto or relative URL",
                                  {"url": value[:80]})
    return checked


#: An identifier used in URLs and cross-references.
Slug = Annotated[str, AfterValidator(_slug)]
#: A link target: http, https, mailto or relative; anything else is refused.
Url = Annotated[str, AfterValidator(_url)]


class SourceText(Protocol):
    """The text a record was read from, searchable inside one value (a parsed YAML document)."""

    def find(self, loc: tuple[Any, ...], needle: str, nth: int = 0) -> tuple[int, int] | None:
        """The (line, column) of the ``nth`` ``needle`` inside the value at ``loc``, if it can be found."""
        ...


class Record(BaseModel):
    """Base of every YAML record: unknown keys are errors, and the record knows its file and lines."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)

    #: Fields written in Markdown (rendered once, with their links checked).
    MARKDOWN_FIELDS: ClassVar[tuple[str, ...]] = ()
    #: Fields that name other records, and the kind they name (``person``, ``pub``, ``talk``, ``project``).
    REF_FIELDS: ClassVar[dict[str, str]] = {}

    _path: str = PrivateAttr(default="")
    _marks: dict[tuple[Any, ...], tuple[int, int]] = PrivateAttr(default_factory=dict)
    _loc: tuple[Any, ...] = PrivateAttr(default=())
    _html: dict[str, str] = PrivateAttr(default_factory=dict)
    _source: SourceText | None = PrivateAttr(default=None)

    @classmethod
    def salvage(cls, data: dict[str, Any], bad: set[str]) -> Self:
        """What can still be checked of a record that failed validation: its reference and Markdown fields.

        The record is skipped (never shown); the salvaged part lets the checks that run after loading (unknown
        ids, Markdown links) report their problems in the same run instead of after the first ones are fixed.
        ``bad`` names the fields that had errors; they, and any value of the wrong shape, are left out.
        """
        kept: dict[str, Any] = {}
        for name in (*cls.REF_FIELDS, *cls.MARKDOWN_FIELDS):
            value = data.get(name)
            if name in bad or value is None:
                continue
            if isinstance(value, str):
                kept[name] = value.strip()
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                kept[name] = [v.strip() for v in value]
        return cls.model_construct(**kept)

    def place(self, path: str, marks: dict[tuple[Any, ...], tuple[int, int]], loc: tuple[Any, ...],
              source: SourceText | None = None) -> None:
        """Remember where this record was read (set by the loader), and the text it was read from."""
        self._path, self._marks, self._loc, self._source = path, marks, loc, source

    @property
    def source_path(self) -> str:
        """The data file this record came from."""
        return self._path

    def line_of(self, *field: Any) -> int:
        """The line of a field (or of the record, when the field was not written)."""
        return self.where_of(*field)[0]

    def where_of(self, *field: Any) -> tuple[int, int]:
        """(line, column) of a field, or of the record when the field was not written ((1, 0) if unknown)."""
        probe = (*self._loc, *field)
        while probe:
            if probe in self._marks:
                return self._marks[probe]
            probe = probe[:-1]
        return (1, 0)

    def where_in(self, field: str, needle: str, nth: int = 0) -> tuple[int, int]:
        """(line, column) of the ``nth`` ``needle`` inside the value of ``field`` (a link target on the fourth
        line of a Markdown block), or of the field itself when it cannot be found there."""
        found = self._source.find((*self._loc, field), needle, nth) if self._source is not None else None
        return found or self.where_of(field)

    @property
    def line(self) -> int:
        """The line the record starts on."""
        return self.line_of()

    def set_html(self, field: str, html: str) -> None:
        """Keep the rendered HTML of a Markdown field (set once, when the lab is linked)."""
        self._html[field] = html

    def html_of(self, field: str) -> str:
        """The rendered HTML of a Markdown field ("" when the field is empty or was not rendered)."""
        return self._html.get(field, "")
