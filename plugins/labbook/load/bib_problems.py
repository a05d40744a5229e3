"""Explaining malformed BibTeX: what went wrong, on which line, and what to do about it.

pybtex's tokenizer says what token it expected ("'}' expected"); a contributor needs to hear what they did
("a comma is missing after the field on line 3"). These helpers look at the source around the error and
turn the common slips into specific diagnostics, so :mod:`labbook.load.bibtex` stays a parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.scanner import PrematureEOF, PybtexSyntaxError

from labbook.diagnostics import Report

_COMMAND_OPEN = re.compile(r"@[ \t]*([A-Za-z][\w\-]*)[ \t\n]*([{(])")
_KEY_THEN_EQUALS = re.compile(r"@[ \t]*[A-Za-z][\w\-]*\s*[{(]\s*([^\s,}=]+)\s*=")
_KEY_WITH_SPACE = re.compile(r"@[ \t]*[A-Za-z][\w\-]*\s*[{(][ \t]*([^\s,}=]+)[ \t]+([^\s,}=]+)[ \t]*,")
_FIELD_START = re.compile(r"[A-Za-z][\w\-:.]*\s*=")
_FIELD_LIKE = re.compile(r"(?m)(?:^|[\s,])([A-Za-z][\w\-:.]*)\s*=\s*[{\"\w]")


def line_at(text: str, pos: int) -> int:
    """The 1-based line of character ``pos``."""
    return text.count("\n", 0, max(pos, 0)) + 1


def in_comment_line(text: str, at: int) -> bool:
    """True when position ``at`` lies on a line whose first non-blank character is ``%``."""
    line_start = text.rfind("\n", 0, at) + 1
    return text[line_start:at].lstrip().startswith("%")


@dataclass(frozen=True, slots=True)
class CommentSpan:
    """A ``%`` comment inside an entry's body (outside any value), from ``start`` to the end of its line."""

    start: int
    end: int


def comments_in_entry(text: str, start: int) -> list[CommentSpan]:
    """``%`` comments written between the fields of the entry whose ``@`` is at ``start``.

    BibTeX has no comments inside an entry, but biber and most editors treat a ``%`` line as one, and people
    write them. Braces and quotes are followed, so a ``%`` inside a value (``{50% of cases}``) is left alone.
    The scan stops where the entry's body closes, or at a line starting with ``@`` between fields (the next
    entry, when this one lacks its closing brace).
    """
    opened = _COMMAND_OPEN.match(text, start)
    if opened is None:
        return []
    closer = "}" if opened.group(2) == "{" else ")"
    spans: list[CommentSpan] = []
    depth, in_quote, i, n = 0, False, opened.end(), len(text)
    while i < n:
        ch = text[i]
        if depth == 0 and not in_quote:
            if ch == "%":
                end = text.find("\n", i)
                end = n if end < 0 else end
                spans.append(CommentSpan(i, end))
                i = end
                continue
            if ch == closer:
                break
            if ch == "@" and text[text.rfind("\n", 0, i) + 1 : i].strip() == "":
                break
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                break
            depth -= 1
        elif ch == '"' and depth == 0:
            in_quote = not in_quote
        i += 1
    return spans


def blank_spans(text: str, spans: list[CommentSpan]) -> str:
    """``text`` with each span replaced by spaces, so every position and line number stays the same."""
    parts, last = [], 0
    for span in spans:
        parts += [text[last : span.start], " " * (span.end - span.start)]
        last = span.end
    parts.append(text[last:])
    return "".join(parts)


def check_gap(text: str, start: int, stop: int, previous_key: str | None, path: str, report: Report) -> None:
    """Report text between two entries that looks like fields: an extra ``}`` closed the entry before it.

    BibTeX ignores any text outside entries (it is how comments without ``%`` work), so only text that looks
    like ``name = value`` is reported; everything else between entries stays a silent comment.
    """
    at = text.find("@", start, stop)
    gap = text[start : at if at >= 0 else stop]
    offset = 0
    for raw_line in gap.split("\n"):
        stripped = raw_line.strip()
        if stripped and not stripped.startswith("%"):
            found = _FIELD_LIKE.search(raw_line)
            if found is not None:
                line = line_at(text, start + offset)
                after = f" after entry '{previous_key}'" if previous_key else ""
                report.error(path, line, "bib-stray-text",
                             f"'{_snippet(stripped)}' is outside any entry{after} and is ignored; an extra '}}'"
                             " probably closed the entry early",
                             hint="remove the extra '}' before this line, so the field belongs to the entry again")
                return
        offset += len(raw_line) + 1


def report_syntax_error(error: PybtexSyntaxError, text: str, command_start: int, key: str | None,
                        path: str, report: Report) -> None:
    """One diagnostic for a syntax error in the entry whose ``@`` is at ``command_start``.

    The line is the entry's first line (the real slip is usually above the line where the tokenizer noticed
    it), except for a ``%``-line, which is pointed at directly.
    """
    start_line = line_at(text, command_start)
    detail = str(error.args[0]) if error.args else str(error)
    error_pos = error.error_context_info[2] if getattr(error, "error_context_info", None) else command_start
    err_line = error.lineno or start_line
    what = f"entry '{key}'" if key else "the entry"
    if isinstance(error, PrematureEOF):
        _report_unclosed(text, command_start, what, "the file ended inside it", path, report)
        return
    head = text[command_start:]
    no_key = _KEY_THEN_EQUALS.match(head)
    if detail == "entry key expected" or (key and no_key and no_key.group(1) == key):
        command = _COMMAND_OPEN.match(head)
        kind = command.group(1) if command else "the"
        swallowed = f"; '{_snippet(key, 40)}' after its brace is not a key" if key and not no_key else ""
        report.error(path, start_line, "bib-no-key", f"@{kind} entry without a key is skipped{swallowed}",
                     hint="add a key after the opening brace, e.g. @article{smith2024title, ...")
        return
    if not key and detail in {"'(' or '{' expected", "a valid name expected"}:
        report.error(path, start_line, "bib-stray-at",
                     f"'{_snippet(head.split(chr(10), 1)[0])}' does not start an entry; it is skipped",
                     hint="an entry starts with @type{key, as in @article{smith2024title, ... BibTeX reads every"
                          " '@' outside an entry as the start of one: remove the text or its '@'")
        return
    spaced = _KEY_WITH_SPACE.match(head)
    if key and spaced and spaced.group(1) == key:
        report.error(path, start_line, "bib-syntax",
                     f"malformed BibTeX: the key '{key} {spaced.group(2)}' contains a space; the entry is skipped",
                     hint="a key is one word, e.g. smith2024title")
        return
    rest = text[error_pos:].lstrip()
    if detail in {"'}' expected", "')' expected"} and rest.startswith("@"):
        _report_unclosed(text, command_start, what, f"it runs into the next entry (line {err_line})", path, report)
        return
    if detail == "'=' expected" and _COMMAND_OPEN.match(_line(text, err_line).lstrip()):
        # "@article{next," read as a field name: the entry before it lacks its final '}' after a last comma.
        _report_unclosed(text, command_start, what, f"it runs into the next entry (line {err_line})", path, report,
                         hint="add the missing '}' after the entry's last field, before the next entry")
        return
    if detail == "'=' expected":
        report.error(path, start_line, "bib-syntax",
                     f"malformed BibTeX in {what}: a field name on line {err_line} has no '=' after it;"
                     " the entry is skipped", hint="write each field as name = {value},")
        return
    if detail in {"'}' expected", "')' expected"} and _FIELD_START.match(rest):
        field_line = line_at(text, text.index(rest[:1], error_pos))
        report.error(path, start_line, "bib-syntax",
                     f"malformed BibTeX in {what}: a ',' is missing before the field on line {field_line};"
                     " the entry is skipped",
                     hint="separate fields with commas: title = {...}, year = {2024}")
        return
    hint = "check the braces, commas and '=' signs of this entry"
    where = f" (noticed at line {err_line})" if err_line != start_line else ""
    report.error(path, start_line, "bib-syntax", f"malformed BibTeX in {what}: {detail}{where}; the entry is skipped",
                 hint=hint)


def _report_unclosed(text: str, command_start: int, what: str, how: str, path: str, report: Report,
                     hint: str = "a '}' or '\"' is missing its partner; check the braces of each field of this entry",
                     ) -> None:
    """An entry that never closes, reported at the field whose braces do not balance when it can be found."""
    start_line = line_at(text, command_start)
    culprit = unbalanced_field(text, command_start)
    if culprit is None:
        report.error(path, start_line, "bib-unclosed", f"{what} is not closed: {how}; the entry is skipped",
                     hint=hint)
        return
    name, line = culprit
    report.error(path, line, "bib-unclosed",
                 f"{what} (line {start_line}) is not closed: the value of '{name}' opens a '{{' that is never"
                 f" closed, so {how}; the entry is skipped",
                 hint=f"add the missing '}}' at the end of the '{name}' value")


def unbalanced_field(text: str, command_start: int) -> tuple[str, int] | None:
    """The name and line of the first field of an entry whose braces do not balance before the next field.

    A field starts on a line that begins with ``name =``; the entry ends at a line starting with ``@`` or at
    the end of the file. ``\\{`` and ``\\}`` are escaped braces and do not count.
    """
    lines = text[command_start:].split("\n")
    base = line_at(text, command_start)
    current: tuple[str, int] | None = None
    depth = 0
    for offset, line in enumerate(lines):
        if offset and line.lstrip().startswith("@"):
            break
        field = _FIELD_START.match(line.lstrip()) if offset else None
        if field is not None:
            if current is not None and depth > 0:
                return current
            current, depth = (field.group(0).rstrip("= \t"), base + offset), 0
        body = line.replace("\\{", "").replace("\\}", "")
        if offset == 0:
            opened = _COMMAND_OPEN.match(body)
            body = body[opened.end():] if opened else body
        if current is not None:
            depth += body.count("{") - body.count("}")
    return current if current is not None and depth > 0 else None


def _line(text: str, number: int) -> str:
    lines = text.split("\n")
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
