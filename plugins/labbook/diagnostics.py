"""One type for every problem labbook finds in a lab's files, and the ways to print it.

A :class:`Diagnostic` always names a file and a line, so that a contributor reading CI output, a terminal or a
pull-request annotation can go straight to the place to fix. This module imports nothing from the rest of
labbook.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is.

    ``error`` and ``warning`` fail ``mkdocs build --strict`` and ``labbook check``; ``info`` is a notice that
    loses nothing (for example a field repeated with the same value) and never fails a build.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem at a place in a file.

    Attributes:
        path: the file, as the user would type it (relative to the project when possible).
        line: 1-based line number; 0 when the problem concerns the whole file.
        column: 1-based column; 0 when unknown.
        severity: error or warning.
        code: a short stable identifier such as ``bib-syntax`` or ``yaml-unknown-key``.
        message: what is wrong, in one sentence.
        hint: what to do about it, when there is something useful to say.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def format_text(self) -> str:
        """``path:line:col: severity: message [code]``, the compiler convention, plus the hint.

        Values quoted from data files may hold newlines and control characters; they are shown escaped
        (``\\n``, ``\\x1b``) so that one diagnostic is always one line (plus its hint line) and data can
        never write a line of its own into a CI log (a ``::warning::`` workflow command, a terminal escape).
        """
        where = f"{escape_control(self.path)}:{self.line}:" + (f"{self.column}:" if self.column else "")
        text = f"{where} {self.severity.value}: {escape_control(self.message)} [{escape_control(self.code)}]"
        if self.hint:
            text += f"\n    hint: {escape_control(self.hint)}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the pull request's line."""
        kind = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(self.severity, "notice")
        body = self.message + (f" Hint: {self.hint}" if self.hint else "") + f" [{self.code}]"
        props = f"file={_gh_escape_prop(self.path)},line={max(self.line, 1)}"
        if self.column:
            props += f",col={self.column}"
        props += f",title={_gh_escape_prop('labbook ' + self.code)}"
        return f"::{kind} {props}::{_gh_escape_data(body)}"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping with the same fields; text fields have control characters escaped, so that
        the JSON can always be printed and read (a lone surrogate from a data file would not encode)."""
        data = asdict(self)
        data["severity"] = self.severity.value
        for key in ("path", "code", "message", "hint"):
            data[key] = escape_control(str(data[key]))
        return data


#: Characters never printed as they are: C0 and C1 controls, DEL, line and paragraph separators, bidi
#: overrides and isolates (they reorder what a reader sees), noncharacters and lone surrogates.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_control(text: str, keep: str = "") -> str:
    """``text`` with every control, separator, bidi-override, noncharacter and lone-surrogate code point
    written as an escape (``\\n``, ``\\x1b``, ``\\u202e``): safe to print in a terminal or a CI log.
    Characters in ``keep`` stay as they are (for a format that escapes them its own way)."""
    return _UNPRINTABLE.sub(lambda m: m[0] if m[0] in keep else _NAMED.get(m[0]) or (
        f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}"), text)


def _gh_escape_data(text: str) -> str:
    # GitHub's own escapes for line breaks (the annotation shows them as breaks; the log line stays one line);
    # every other control character is written as a visible escape.
    return escape_control(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True, slots=True)
class RecordCount:
    """How many records a data file held and how many of them reached the site (the "nothing lost" check)."""

    path: str
    read: int
    kept: int
    unreadable: bool = False
    """True when nothing of the file could be read (a syntax error, a bad encoding ...)."""

    def summary(self) -> str:
        """``12 records read, 11 used, 1 skipped (see the problems reported for this file)``."""
        if self.unreadable:
            return "unreadable, no records used (see the problems reported for this file)"
        if self.kept == self.read:
            return f"{self.read} record{'s' if self.read != 1 else ''} read, all used"
        return (f"{self.read} records read, {self.kept} used, {self.read - self.kept} skipped"
                " (see the problems reported for this file)")

    def format_text(self) -> str:
        """The summary after the file's path: ``data/people.yml: 12 records read, all used``."""
        return f"{escape_control(self.path)}: {self.summary()}"


@dataclass
class Report:
    """Diagnostics collected while loading a lab, in the order they were found.

    ``read`` counts the records found in each file (good and bad), so that the records that reached the site
    can be compared with it: see :meth:`labbook.catalog.lab.Lab.record_counts`.
    """

    items: list[Diagnostic] = field(default_factory=list)
    read: dict[str, int] = field(default_factory=dict)

    def count_read(self, path: str, count: int) -> None:
        """Note that ``count`` records (valid or not) were found in ``path``."""
        self.read[path] = self.read.get(path, 0) + count

    def add(self, diagnostic: Diagnostic) -> None:
        """Record one problem."""
        self.items.append(diagnostic)

    def error(self, path: str, line: int, code: str, message: str, *, column: int = 0, hint: str = "") -> None:
        """Record an error at ``path:line``."""
        self.add(Diagnostic(path, line, column, Severity.ERROR, code, message, hint))

    def warning(
        self, path: str, line: int, code: str, message: str, *, column: int = 0, hint: str = ""
    ) -> None:
        """Record a warning at ``path:line``."""
        self.add(Diagnostic(path, line, column, Severity.WARNING, code, message, hint))

    def info(self, path: str, line: int, code: str, message: str, *, column: int = 0, hint: str = "") -> None:
        """Record a notice at ``path:line`` that loses no data."""
        self.add(Diagnostic(path, line, column, Severity.INFO, code, message, hint))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Record several problems."""
        self.items.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def problems(self) -> list[Diagnostic]:
        """Errors and warnings: what fails a strict build."""
        return [d for d in self.items if d.severity is not Severity.INFO]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word`` (a misspelt key, id or value), or ``None`` when none is close enough.

    Every did-you-mean in labbook comes from here, so all of them agree on what "close" means (difflib's
    similarity ratio of at least 0.6, the threshold of Python's own suggestions).
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean ...?" hint for a misspelt name, or an empty string when nothing is close."""
    match = closest(word, choices)
    return f"did you mean '{match}'?" if match is not None else ""


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int]:
    """Order by file, then line, then column."""
    return (diagnostic.path, diagnostic.line, diagnostic.column)


def format_all(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    """Format diagnostics as ``text`` (one per line), ``github`` (workflow commands) or ``json`` (a list)."""
    items = sorted(diagnostics, key=sort_key)
    if fmt == "json":
        return json.dumps([d.to_dict() for d in items], indent=2, ensure_ascii=False)
    if fmt == "github":
        return "\n".join(d.format_github() for d in items)
    return "\n".join(d.format_text() for d in items)
