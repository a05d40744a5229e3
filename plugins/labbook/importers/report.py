"""The import report: per kind, what was found, imported and skipped, and every note with its source line."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kinds of record an import counts, in the order the report lists them.
KINDS = ("publications", "people", "talks", "news", "projects", "courses", "pages")


class ImportUsageError(Exception):
    """The command was used wrongly (the message says what was expected); nothing was written."""


@dataclass(frozen=True)
class Note:
    """One thing the reader of the report must know: a skipped item, an unmapped field, a missing file."""

    path: str
    line: int
    message: str
    skipped: bool = False

    def format(self) -> str:
        """``path:line: message`` (the compiler convention, so editors can jump to it)."""
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Tally:
    """Counts of one kind."""

    found: int = 0
    imported: int = 0
    skipped: int = 0


@dataclass
class ImportReport:
    """Everything an import did, for the terminal and for ``IMPORT-REPORT.md``."""

    template: str
    source: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    notes: list[Note] = field(default_factory=list)
    kept_as_pages: list[str] = field(default_factory=list)

    def found(self, kind: str, n: int = 1) -> None:
        """Count ``n`` items of ``kind`` found in the source."""
        self.tallies[kind].found += n

    def imported(self, kind: str, n: int = 1) -> None:
        """Count ``n`` items of ``kind`` written to the new site."""
        self.tallies[kind].imported += n

    def skip(self, kind: str, path: str, line: int, why: str) -> None:
        """An item of ``kind`` was found but not imported: count it and say why."""
        self.tallies[kind].skipped += 1
        self.notes.append(Note(path, line, f"skipped ({kind}): {why}", skipped=True))

    def note(self, path: str, line: int, message: str) -> None:
        """A field that had no place, a file that was missing, a tag that was removed."""
        self.notes.append(Note(path, line, message))

    @property
    def any_skipped(self) -> bool:
        """Whether any item found was not imported."""
        return any(t.skipped for t in self.tallies.values())

    def markdown(self) -> str:
        """The report as Markdown (the text of ``IMPORT-REPORT.md``)."""
        lines = [f"# Import report: {self.template}", "", f"Source: `{self.source}`", "",
                 "| kind | found | imported | skipped |", "| --- | ---: | ---: | ---: |"]
        for kind, tally in self.tallies.items():
            if tally.found or tally.imported or tally.skipped:
                lines.append(f"| {kind} | {tally.found} | {tally.imported} | {tally.skipped} |")
        skipped = [n for n in self.notes if n.skipped]
        other = [n for n in self.notes if not n.skipped]
        if skipped:
            lines += ["", "## Skipped items", "", *(f"- `{n.path}:{n.line}`: {n.message}" for n in skipped)]
        if self.kept_as_pages:
            lines += ["", "## Kept only as Markdown pages", "",
                      "These had no structured equivalent; their text is a page of the new site.", "",
                      *(f"- {p}" for p in self.kept_as_pages)]
        if other:
            lines += ["", "## Unmapped fields, missing files and converted markup", "",
                      *(f"- `{n.path}:{n.line}`: {n.message}" for n in other)]
        return "\n".join(lines) + "\n"

    def summary(self) -> str:
        """A few lines for the terminal: the counts and how many notes the report file holds."""
        parts = [f"{k} {t.imported}/{t.found}" + (f" ({t.skipped} skipped)" if t.skipped else "")
                 for k, t in self.tallies.items() if t.found or t.imported]
        return "imported " + (", ".join(parts) or "nothing") + f"; {len(self.notes)} notes in the report"
