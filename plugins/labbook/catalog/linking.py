"""Cross-links between a lab's records: every id used anywhere is checked, and Markdown in data is rendered.

Runs once per load, after the catalog has indexed the records. An id that names nothing (a misspelt person in
a talk, a BibTeX key in a project, ``[..](pub:KEY)`` in a news item) is an error at the file and line where it
is written, with a did-you-mean hint. A reference to a record that was itself skipped for an error is not
reported again: the first diagnostic already explains it. The references and Markdown of a skipped record are
still checked (``Lab.rejected``), so every problem of a record shows in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from labbook.catalog.lab import Lab
from labbook.diagnostics import Report, did_you_mean
from labbook.load.unreadable import Unchecked
from labbook.model.common import Record, is_slug
from labbook.text.markdown_text import MarkdownText

R = TypeVar("R", bound=Record)

#: How each kind of reference is named in messages.
_NOUN = {"person": "person", "pub": "publication", "talk": "talk", "project": "project"}


def unique_records(records: list[R], key: Callable[[R], str | None], field: str, noun: str,
                   report: Report) -> list[R]:
    """``records`` without the later ones whose ``key`` repeats an earlier one; each repeat is an error
    naming both lines."""
    seen: dict[str, R] = {}
    out: list[R] = []
    for record in records:
        value = key(record)
        if value is None:
            out.append(record)
            continue
        first = seen.get(value)
        if first is not None:
            line, column = record.where_of(field)
            report.error(record.source_path, line, f"duplicate-{field}",
                         f"duplicate {noun} {field} '{value}': already used at line {first.line_of(field)}",
                         column=column, hint=f"give each {noun} a different {field}; this record is skipped")
            continue
        seen[value] = record
        out.append(record)
    return out


class _Checker:
    """Checks the references of one lab and reports unknown ids."""

    def __init__(self, lab: Lab, report: Report) -> None:
        self.lab = lab
        self.report = report
        self.keys = {p.key.casefold(): p.key for p in lab.publications}
        self.unchecked = Unchecked(sources=dict(lab.unreadable))

    def titles(self, kind: str, ref: str) -> str | None:
        """The title or name of the record ``kind:ref`` (the id itself for a skipped record), else ``None``."""
        lab = self.lab
        found: Any
        if kind == "pub":
            found = lab.publication(ref)
            return found.title_text if found is not None else None
        if kind == "person":
            found = lab.person(ref)
            title = found.name if found is not None else None
        elif kind == "talk":
            found = lab.talk(ref)
            title = found.title if found is not None else None
        elif kind == "project":
            found = lab.project(ref)
            title = found.title if found is not None else None
        else:
            return None
        if title is None and ref in lab.skipped.get(kind, set()):
            return ref
        return title

    def known(self, kind: str) -> Iterable[str]:
        lab = self.lab
        return {"pub": self.keys.values(), "person": lab.people_by_id, "talk": lab.talks_by_id,
                "project": lab.projects_by_id}[kind]

    def refs(self, record: Record, field: str, kind: str, values: list[str]) -> None:
        """Check a list field of ids (``publications: [...]``), each at its own line."""
        for index, value in enumerate(values):
            self.ref(record, (field, index), field, kind, value)

    def ref(self, record: Record, where: tuple[Any, ...], field: str, kind: str, value: str) -> None:
        """Check one id; report it when it names nothing."""
        if self.titles(kind, value) is not None:
            return
        line, column = record.where_of(*where)
        if self.unchecked.hides(kind, record.source_path, line):
            return
        hint = did_you_mean(value, self.known(kind))
        if kind == "pub":
            hint = hint or "publication keys are the BibTeX keys of the .bib files"
        self.report.error(record.source_path, line, "unknown-ref", f"{field}: no {_NOUN[kind]} has the id '{value}'",
                          column=column, hint=hint)


def link_lab(lab: Lab, report: Report, renderer: MarkdownText | None = None) -> None:
    """Check every reference between records and render every Markdown field (kept on the record).

    Records skipped for errors (``lab.rejected``) are checked too, so a contributor sees every problem of a
    record in one run; their rendered HTML is never shown.
    """
    check = _Checker(lab, report)
    collections: list[list[Any]] = [lab.people, lab.talks, lab.openings, lab.news, lab.courses, lab.projects,
                                    lab.notes, lab.rejected]
    for records in collections:
        for record in records:
            check_ref_fields(check, record)
    render_markdown_fields(lab, check, report, renderer or MarkdownText())
    check.unchecked.report_to(report)


def check_ref_fields(check: _Checker, record: Record) -> None:
    """Check the fields of ``record`` that name other records (its ``REF_FIELDS``)."""
    for field, kind in record.REF_FIELDS.items():
        value = getattr(record, field, None)
        if isinstance(value, list):
            check.refs(record, field, kind, value)
        elif isinstance(value, str) and value and is_slug(value) and check.lab.speaker_id(value) is None:
            # A single name (a talk's speaker) may be a guest's plain name; written like an id, it is meant as
            # one. A guest's name ("Jane Doe") has capitals or spaces.
            check.ref(record, (field,), field, kind, value)


def render_markdown_fields(lab: Lab, check: _Checker, report: Report, renderer: MarkdownText) -> None:
    """Render the Markdown fields of every record once; a problem is reported at the line and column of the
    link inside the field (at the field's key when the link cannot be found as written)."""
    collections: list[list[Any]] = [lab.people, lab.talks, lab.openings, lab.news, lab.courses, lab.projects,
                                    lab.rejected]
    for records in collections:
        for record in records:
            for field in record.MARKDOWN_FIELDS:
                rendered = renderer.render(getattr(record, field, None), check.titles)
                seen: dict[str, int] = {}
                for problem in rendered.problems:
                    hint = problem.hint
                    if problem.kind in _NOUN:
                        hint = did_you_mean(problem.ref, check.known(problem.kind)) or hint
                    # At the link itself, inside the field's text (the nth time this target is written).
                    nth = seen[problem.target] = seen.get(problem.target, -1) + 1
                    line, column = record.where_in(field, problem.target, nth)
                    if problem.kind in _NOUN and check.unchecked.hides(problem.kind, record.source_path, line):
                        continue
                    # A remote image loses nothing (it stays as a link): a warning, not an error.
                    add = report.warning if problem.code == "remote-media" else report.error
                    add(record.source_path, line, problem.code, f"{field}: {problem.message}", column=column,
                        hint=hint)
                record.set_html(field, rendered.html)
