"""Reading .bib files into raw entries that remember where each field was written.

pybtex's tokenizer (``LowLevelParser``) does the lexing, with BibTeX's rules for braces, quotes, ``#``
concatenation and ``@string`` macros. Its high-level ``Parser`` is not used: in strict mode one bad entry
loses the whole file, and in lenient mode errors go to stderr without a line we can attach to a diagnostic.
Here every problem becomes a :class:`~labbook.diagnostics.Diagnostic`, the parser resynchronises at the next
line that starts with ``@``, and every other entry survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping
from pathlib import Path

from pybtex.database.input.bibtex import LowLevelParser, UndefinedMacro, month_names
from pybtex.scanner import PybtexSyntaxError
from pybtex.utils import CaseInsensitiveDict

from labbook.diagnostics import Report
from labbook.load.bib_problems import (
    CommentSpan,
    blank_spans,
    check_gap,
    comments_in_entry,
    in_comment_line,
    line_at,
    report_syntax_error,
)
from labbook.load.field_names import BARE_BOOLEANS, BOOLEAN_FIELDS
from labbook.load.limits import MAX_FIELD_CHARS, Budget, TooLarge
from labbook.load.value_checks import checked_bib_key, checked_bib_value, report_bib_too_large
from labbook.model.bib_entry import RawEntry, RawField

#: Fields that name a parent entry and must not be inherited through ``crossref``.
_NOT_INHERITED = frozenset({"crossref", "ids", "key", "title"})
_ENTRY_START = re.compile(r"^[ \t]*@", re.MULTILINE)
_SKIPPED_COMMANDS = frozenset({"comment", "preamble", "string"})
_NOT_IN_KEYS = re.compile(r"[{}()\"=]|^@")


class _Abort(Exception):
    """Raised inside the tokenizer to stop at a syntax error; carries pybtex's error."""

    def __init__(self, error: PybtexSyntaxError) -> None:
        super().__init__(str(error))
        self.error = error


class _Tokenizer(LowLevelParser):  # type: ignore[misc]
    """pybtex's tokenizer, taught to remember lines and to stop, not lose the file, on an error."""

    def __init__(self, text: str, macros: MutableMapping[str, str], path: str, report: Report,
                 budget: Budget | None = None) -> None:
        super().__init__(text, macros=macros, filename=path)
        self._path = path
        self._report = report
        self._budget = budget or Budget(len(text))
        self.command_line = 1
        self.field_lines: list[int] = []

    def handle_error(self, error: PybtexSyntaxError) -> None:
        if isinstance(error, UndefinedMacro):
            # BibTeX itself warns and goes on with an empty string; so do we, but loudly.
            self._report.error(
                self._path,
                error.lineno or self.command_line,
                "bib-undefined-macro",
                f"undefined string macro '{error.args[0] if error.args else '?'}'"
                f" in entry '{self.current_entry_key or '?'}'",
                hint="define it with @string{name = {...}} before its first use, or put the value in braces",
            )
            return
        raise _Abort(error)

    def substitute_macro(self, name: str) -> str:
        # al-folio sites write `bibtex_show = true` unbraced. BibTeX reads `true` as an undefined macro; the
        # meaning is plain, so the word is kept, with a notice rather than an error per entry.
        field_name = (self.current_field_name or "").lower()
        if name not in self.macros and field_name in BOOLEAN_FIELDS and name.lower() in BARE_BOOLEANS:
            self._report.info(self._path, self.lineno, "bib-bare-boolean",
                              f"{field_name} = {name} in entry '{self.current_entry_key or '?'}' is read as"
                              f" {{{name.lower()}}}",
                              hint=f"write {field_name} = {{{name.lower()}}}: BibTeX itself reads a bare word as an"
                                   " @string macro")
            return name.lower()
        return str(super().substitute_macro(name))

    def parse_command(self):  # type: ignore[no-untyped-def]
        self.command_line = self.lineno
        self.field_lines = []
        return super().parse_command()

    def parse_entry_body(self, body_end):  # type: ignore[no-untyped-def]
        # pybtex takes anything up to a comma as the key, so after "@misc{" with the key forgotten it reads the
        # next entry's "@article{key" as the key and swallows that entry without a word. No real key holds
        # these characters; stopping here reports the keyless entry and lets the next one be read.
        key_pattern = self.KEY_PAREN if body_end == self.RPAREN else self.KEY_BRACE
        self.current_entry_key = self.required([key_pattern]).value
        if _NOT_IN_KEYS.search(self.current_entry_key):
            raise PybtexSyntaxError("entry key expected", self)
        self.parse_entry_fields()

    def parse_value(self) -> None:
        # pybtex's loop, counting the expanded size before anything is joined: nested @string concatenation
        # (b = a # a, c = b # b, ...) doubles with every line.
        parts: list[str] = []
        size = 0
        while not parts or self.optional([self.HASH]):
            part = self.parse_value_part()
            size += len(part)
            if size > MAX_FIELD_CHARS:
                raise TooLarge(self.current_field_name or "value", MAX_FIELD_CHARS)
            parts.append(part)
        self._budget.spend(size)
        self.current_value = parts

    def parse_entry_fields(self) -> None:
        # pybtex's own loop, plus the line each field starts on.
        while True:
            self.current_field_name = None
            self.current_value = []
            self.eat_whitespace()
            line = self.lineno
            self.parse_field()
            if self.current_field_name and self.current_value:
                self.current_fields.append((self.current_field_name, self.current_value))
                self.field_lines.append(line)
            if not self.optional([self.COMMA]):
                return


def new_macro_table() -> MutableMapping[str, str]:
    """A fresh ``@string`` namespace holding BibTeX's month macros (``jan`` ... ``dec``)."""
    return CaseInsensitiveDict(month_names)


def decode_bib_bytes(data: bytes, path: str, report: Report) -> str:
    """Decode a .bib file: UTF-8 (with or without a byte order mark); other encodings are reported."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.warning(
            path,
            line,
            "bib-encoding",
            "the file is not valid UTF-8; it was read as Windows-1252, so some characters may be wrong",
            hint="save the file as UTF-8 (most editors offer 'Save with encoding')",
        )
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_bibtex(
    text: str, path: str, report: Report, macros: MutableMapping[str, str] | None = None, *, first_line: int = 1
) -> list[RawEntry]:
    """Parse BibTeX source into raw entries, reporting every problem and keeping every good entry.

    ``macros`` is the shared ``@string`` namespace: pass the same table for several files so that a macro
    defined in the first works in the second. The number of entries found (good or bad) is counted in
    ``report.read`` under ``path``. ``first_line`` is the line number of the text's first line (for a piece
    of a larger file: the lines of entries and fields count from it; a piece that reports problems is read
    again as part of its whole file, see :mod:`labbook.load.incremental`).
    """
    macros = new_macro_table() if macros is None else macros
    budget = Budget(len(text))
    report.count_read(path, 0)
    entries: list[RawEntry] = []
    pos, line, gap_start, previous_key = 0, first_line, 0, None
    while True:
        tok = _Tokenizer(text, macros, path, report, budget)
        tok.pos, tok.lineno = pos, line
        try:
            for command, payload in tok:
                if in_comment_line(text, tok.command_start):
                    _commented_out(command, payload, text, tok.command_start, path, report)
                    gap_start = tok.pos
                    continue
                check_gap(text, gap_start, tok.command_start, previous_key, path, report)
                gap_start = tok.pos
                if command.lower() in _SKIPPED_COMMANDS:
                    continue
                report.count_read(path, 1)
                key, fields = payload
                previous_key = key
                entry = _make_entry(command, key, fields, tok.field_lines, tok.command_line, path, report)
                if entry is not None:
                    entries.append(entry)
            check_gap(text, gap_start, len(text), previous_key, path, report)
            return entries
        except TooLarge as big:
            report_bib_too_large(big, tok.current_entry_key, macros, path, tok.command_line, report)
            if big.what == "file":
                return entries
            report.count_read(path, 0 if tok.current_entry_key is None else 1)
            start = tok.command_start or 0
        except _Abort as abort:
            start = tok.command_start
            if in_comment_line(text, start):
                pass  # an '@' inside a %-comment line between entries: a comment, not an entry
            elif spans := comments_in_entry(text, start):
                _report_comments(text, spans, tok.current_entry_key, path, report)
                text = blank_spans(text, spans)
                pos, line = start, tok.command_line
                continue  # the same entry again, without its comments
            else:
                report.count_read(path, 1)
                report_syntax_error(abort.error, text, start, tok.current_entry_key, path, report)
        # Go on at the next line that starts with '@'.
        newline = text.find("\n", start)
        next_start = _ENTRY_START.search(text, newline + 1) if newline >= 0 else None
        if next_start is None:
            return entries
        pos = gap_start = next_start.start()
        line = text.count("\n", 0, pos) + first_line
        previous_key = None


def _commented_out(command: str, payload: tuple, text: str, start: int, path: str, report: Report) -> None:
    # bibtex itself would read an entry on a %-line; biber and people reading the file take it as commented out.
    if command.lower() in _SKIPPED_COMMANDS:
        return
    key = payload[0] if payload else None
    report.info(path, line_at(text, start), "bib-commented-out",
                f"the entry '{key or '?'}' on a %-line is taken as commented out and skipped",
                hint="delete the line if it is not needed (bibtex itself would still read it)")


def _report_comments(text: str, spans: list[CommentSpan], key: str | None, path: str, report: Report) -> None:
    lines = sorted({line_at(text, span.start) for span in spans})
    shown = ", ".join(str(n) for n in lines)
    report.warning(path, lines[0], "bib-comment-in-entry",
                   f"entry '{key or '?'}' has %-comments between its fields (line{'s' if len(lines) > 1 else ''}"
                   f" {shown}); they are ignored",
                   hint="BibTeX has no comments inside an entry: move the %-lines above the entry or delete them")


def _make_entry(
    command: str,
    key: str | None,
    fields: list[tuple[str, list[str]]],
    lines: list[int],
    line: int,
    path: str,
    report: Report,
) -> RawEntry | None:
    if not key:
        report.error(path, line, "bib-no-key", f"@{command} entry without a key is skipped",
                     hint="add a key after the opening brace, e.g. @article{smith2024title, ...")
        return None
    key = checked_bib_key(key, path, line, report)
    entry = RawEntry(key=key, type=command.lower(), fields={}, path=path, line=line)
    for (name, parts), field_line in zip(fields, lines, strict=True):
        lname = name.lower()
        value = checked_bib_value(" ".join("".join(parts).split()), key, lname, path, field_line, report)
        previous = entry.fields.get(lname)
        if previous is None:
            entry.fields[lname] = RawField(value, field_line)
        elif previous.value == value:
            report.info(path, field_line, "bib-duplicate-field",
                        f"entry '{key}' repeats field '{lname}' (same value as line {previous.line})",
                        hint="delete one of the two lines")
        else:
            report.warning(path, field_line, "bib-duplicate-field",
                           f"entry '{key}' repeats field '{lname}' with a different value; the first, from "
                           f"line {previous.line}, is used and this one is ignored",
                           hint="keep one of the two values")
    return entry


def read_bib_file(
    path: Path, display_path: str, report: Report, macros: MutableMapping[str, str] | None = None
) -> list[RawEntry]:
    """Read and parse one .bib file; a missing or unreadable file is a diagnostic, not an exception."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(display_path, 0, "bib-missing", f"cannot read the bibliography: {exc.strerror or exc}",
                     hint="check the `bibliography` option of the labbook plugin in mkdocs.yml")
        return []
    return parse_bibtex(decode_bib_bytes(data, display_path, report), display_path, report, macros)


def merge_and_resolve(groups: Iterable[list[RawEntry]], report: Report) -> list[RawEntry]:
    """Join entries of several files: drop duplicate keys (naming both places) and resolve ``crossref``."""
    by_key: dict[str, RawEntry] = {}
    merged: list[RawEntry] = []
    for entries in groups:
        for entry in entries:
            folded = entry.key.casefold()
            first = by_key.get(folded)
            if first is not None:
                report.error(entry.path, entry.line, "bib-duplicate-key",
                             f"duplicate key '{entry.key}': already used at {first.path}:{first.line};"
                             " this entry is skipped",
                             hint="give one of the two entries another key")
                continue
            by_key[folded] = entry
            merged.append(entry)
    for entry in merged:
        _inherit(entry, by_key, report)
    return merged


def _inherit(entry: RawEntry, by_key: dict[str, RawEntry], report: Report) -> None:
    parent_key = entry.get("crossref")
    if not parent_key:
        return
    if parent_key.casefold() == entry.key.casefold():
        report.error(entry.path, entry.line_of("crossref"), "bib-crossref",
                     f"entry '{entry.key}' names itself in crossref", hint="remove the crossref field")
        return
    parent = by_key.get(parent_key.casefold())
    if parent is None:
        report.error(entry.path, entry.line_of("crossref"), "bib-crossref",
                     f"entry '{entry.key}' has crossref '{parent_key}', but no entry has that key",
                     hint="add the parent entry or remove the crossref field")
        return
    for name, raw in parent.fields.items():
        if name not in _NOT_INHERITED and name not in entry.fields:
            entry.fields[name] = RawField(raw.value, entry.line)
            entry.inherited.add(name)
    # The parent's title is the child's container title (BibTeX's and biblatex's convention).
    if "booktitle" not in entry.fields and parent.get("title"):
        entry.fields["booktitle"] = RawField(parent.get("title"), entry.line)
        entry.inherited.add("booktitle")
