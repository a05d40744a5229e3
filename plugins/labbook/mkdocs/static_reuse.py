"""`mkdocs serve` rebuilds that move unchanged static files back instead of copying them again.

MkDocs empties the site folder and copies every static file (the theme's assets, a lab's PDFs, photos and
previews) on every rebuild: for a lab with a thousand papers that is a thousand copies per save. The files a
rebuild would copy from an unchanged source (same path, modification time and size as when it was copied
last) are parked with the reused pages (:mod:`labbook.mkdocs.parking`) and moved back in place of the copy;
anything else (a new or edited file, one whose parked copy is gone) is copied as MkDocs always does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File, Files

from labbook.mkdocs.parking import Parking

#: A static file's source as it was when it was copied: its path, modification time (ns) and size.
SourceState = tuple[str, int, int]


def _source_state(file: File) -> SourceState | None:
    if file.abs_src_path is None or file.is_documentation_page():
        return None  # made from content in memory (or a page): written afresh by MkDocs
    try:
        stat = os.stat(file.abs_src_path)
    except OSError:
        return None
    return file.abs_src_path, stat.st_mtime_ns, stat.st_size


class StaticReuse:
    """The static files of the last serve build, by their path in the site."""

    def __init__(self) -> None:
        self._copied: dict[str, SourceState] = {}
        self.moved = 0
        """How many static files the current build moved back rather than copied."""

    def tops(self) -> set[str]:
        """The top-level entries of the site folder that hold the last build's static files (to park)."""
        return {dest.split("/", 1)[0] for dest in self._copied}

    def plan(self, files: Files, parking: Parking, site: Path) -> None:
        """Let each static file of ``files`` whose source is unchanged since its last copy be moved back from
        ``parking`` when MkDocs copies it; remember every static file's source for the next build."""
        copied: dict[str, SourceState] = {}
        self.moved = 0
        made: set[str] = set()
        for file in files:
            state = _source_state(file)
            if state is None:
                continue
            copied[file.dest_uri] = state
            if parking.folder is not None and self._copied.get(file.dest_uri) == state:
                # An instance attribute: MkDocs calls file.copy_file(dirty) for every static file it writes.
                file.copy_file = self._mover(file, parking, site, made)  # type: ignore[method-assign]
        self._copied = copied

    def forget(self) -> None:
        """Copy everything next time (a failed build, or reuse switched off)."""
        self._copied = {}

    def _mover(self, file: File, parking: Parking, site: Path, made: set[str]) -> Callable[..., None]:
        copy = file.copy_file

        def move_back(dirty: bool = False) -> None:
            try:
                parking.restore_file(site, file.dest_uri, made)
                self.moved += 1
            except OSError:
                copy(dirty)

        return move_back
