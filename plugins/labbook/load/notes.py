"""Research notes: the front matter of the Markdown pages under docs/notes/, read with the line of every key.

The page itself stays an ordinary MkDocs page; labbook only reads its front matter (who wrote it, when, its
status and tags) to index it at ``/notes/`` and list it on its authors' pages. The front matter is found the
way MkDocs finds it (a ``---`` line first, up to the next ``---`` or ``...`` line), and parsed with the same
line-keeping YAML reader as the data files, so errors point at the right line of the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from labbook.diagnostics import Report
from labbook.load.collections import keep_rejected, report_validation_error
from labbook.load.yaml import decode_yaml_bytes, parse_yaml
from labbook.model.common import Record
from labbook.model.note import PAGE_KEYS, Note

# MkDocs' own rule (mkdocs.utils.meta): front matter opens on the first line and closes with --- or ... .
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:\.{3}|-{3})[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


def note_files(notes_dir: Path) -> list[Path]:
    """The note pages under ``notes_dir`` (every ``*.md`` except ``index.md`` files), sorted by path."""
    if not notes_dir.is_dir():
        return []
    return sorted(p for p in notes_dir.rglob("*.md") if p.name != "index.md" and p.is_file())


def load_notes(notes_dir: Path, docs_dir: Path, display: str, report: Report,
               rejected: list[Record] | None = None) -> list[Note]:
    """Read the front matter of every note page; ``display`` is ``notes_dir`` as the user writes it.

    A note whose front matter has errors is not indexed; what can still be checked of it (its authors) is
    added to ``rejected``, so that every problem of the page is reported at once.
    """
    notes: list[Note] = []
    for path in note_files(notes_dir):
        rel = path.relative_to(notes_dir).as_posix()
        shown = f"{display.rstrip('/')}/{rel}"
        note = _load_note(path, shown, report, rejected)
        if note is not None:
            note.attach(path.relative_to(docs_dir).as_posix(), _page_title(path, note))
            notes.append(note)
    return notes


def _load_note(path: Path, shown: str, report: Report, rejected: list[Record] | None) -> Note | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(shown, 0, "note-unreadable", f"cannot read the note: {exc.strerror or exc}")
        return None
    text = decode_yaml_bytes(data, shown, report)
    if text is None:
        return None
    match = _FRONT_MATTER.match(text)
    if match is None:
        note = Note()
        note.place(shown, {}, ())
        return note
    # One blank line in front keeps YAML's line numbers equal to the page's (the front matter starts on line 2).
    doc = parse_yaml("\n" + (match.group(1) or ""), shown, report)
    if doc is None:
        return None
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        report.error(shown, 2, "note-front-matter", "the front matter is not a set of 'key: value' lines")
        return None
    own = {k: v for k, v in doc.data.items() if k not in PAGE_KEYS}
    try:
        note = Note.model_validate(own)
    except ValidationError as exc:
        report_validation_error(exc, doc, (), Note, report)
        keep_rejected(rejected, Note, own, exc, doc, ())
        return None
    note.place(shown, doc.marks, (), doc)
    return note


def _page_title(path: Path, note: Note) -> str:
    if note.title:
        return note.title
    try:
        body = _FRONT_MATTER.sub("", path.read_text(encoding="utf-8-sig"), count=1)
    except (OSError, UnicodeDecodeError):
        body = ""
    heading = _HEADING.search(body)
    return heading.group(1).strip() if heading else path.stem.replace("-", " ").replace("_", " ").capitalize()
