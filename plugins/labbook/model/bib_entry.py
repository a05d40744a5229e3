"""A BibTeX entry as written: its type, key and fields, each with the file and line it came from.

The loader (:mod:`labbook.load.bibtex`) makes these; the Publication record keeps its entry, so a problem found
later (a bad link, an unknown person) can still be reported at the field's own line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class RawField:
    """A field's value after macro expansion, with the line its name was written on."""

    value: str
    line: int


@dataclass(slots=True)
class RawEntry:
    """One BibTeX entry as written: lower-case type and field names, values still in TeX."""

    key: str
    type: str
    fields: dict[str, RawField]
    path: str
    line: int
    inherited: set[str] = field(default_factory=set)
    source_digest: str = ""
    """A digest of the text the entry was parsed from, when the loader knows it ("" otherwise); two entries
    with the same digest and nothing inherited through crossref have the same fields."""

    def get(self, name: str, default: str = "") -> str:
        """The value of field ``name`` (lower case), or ``default``."""
        raw = self.fields.get(name)
        return raw.value if raw is not None else default

    def line_of(self, name: str) -> int:
        """The line of field ``name``, or the entry's own line when the field is absent or inherited."""
        raw = self.fields.get(name)
        return raw.line if raw is not None and name not in self.inherited else self.line
