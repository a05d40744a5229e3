"""Data files that could not be read at all, and the references into them that therefore cannot be checked.

One tab in people.yml makes the whole file unreadable. Every talk speaker, project member and ``person:``
link then names "no person", and reporting each of them would bury the one real problem under follow-on
errors. The cause is reported where it is; the references it leaves unchecked are counted and reported as one
notice at the same place, and the file's record count says "unreadable" instead of "0 records read".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from labbook.diagnostics import Report, Severity

#: Codes after which nothing of the file is read (see :func:`labbook.load.yaml.parse_yaml` and
#: :func:`labbook.load.collections.load_collection`).
FILE_FATAL_CODES = frozenset({"yaml-syntax", "yaml-encoding", "yaml-unreadable", "yaml-recursive", "yaml-too-large",
                              "yaml-too-deep", "yaml-tag", "yaml-not-a-list"})


_PLURAL = {"person": "people", "talk": "talks", "project": "projects", "pub": "publications"}


def unreadable_files(report: Report) -> dict[str, tuple[int, int]]:
    """Path -> (line, column) of the problem, for every file whose records could not be read."""
    found: dict[str, tuple[int, int]] = {}
    for diagnostic in report:
        if diagnostic.severity is Severity.ERROR and diagnostic.code in FILE_FATAL_CODES:
            found.setdefault(diagnostic.path, (diagnostic.line, diagnostic.column))
    return found


@dataclass
class Unchecked:
    """References into unreadable files, per kind of record (``person``, ``talk``, ``project``)."""

    sources: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """kind -> (path, line, column) of the problem of the unreadable file that holds records of that kind."""
    found: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    """kind -> (path, line) of each reference that could not be checked."""

    def hides(self, kind: str, path: str, line: int) -> bool:
        """True (and the reference noted) when records of ``kind`` come from an unreadable file."""
        if kind not in self.sources:
            return False
        self.found.setdefault(kind, []).append((path, line))
        return True

    def report_to(self, report: Report) -> None:
        """One notice per unreadable file, at its problem (and listed right after it): how many references,
        in which files, wait for it."""
        for kind, refs in self.found.items():
            path, line, column = self.sources[kind]
            files = sorted({p for p, _ in refs})
            count = len(refs)
            report.info(path, line, "unchecked-ref",
                        f"{count} reference{'s' if count != 1 else ''} to {_PLURAL.get(kind, kind)}"
                        f" (in {', '.join(files)}) cannot be checked until this file can be read",
                        column=column,
                        hint="fix the problem above; the references are checked again once the file is read")
