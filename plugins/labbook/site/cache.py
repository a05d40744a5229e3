"""Parse once per change: the Lab and the renderer are rebuilt only when their input files change."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from labbook.catalog.build import lab_inputs, load_lab
from labbook.catalog.lab import Lab
from labbook.load.incremental import LoadMemo
from labbook.render.environment import Renderer
from labbook.settings import Settings


def _fingerprint(paths: list[Path]) -> tuple[tuple[str, str], ...]:
    out = []
    for path in paths:
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            digest = "-"
        out.append((str(path), digest))
    return tuple(out)


def _template_files(dirs: list[Path]) -> list[Path]:
    return sorted(p for d in dirs if d.is_dir() for p in d.rglob("*") if p.is_file())


def _files_came_or_went(lab: Lab) -> bool:
    # A PDF or photo that data links to was added or deleted: its "missing file" warning must follow.
    return any(os.path.isfile(path) != existed for path, existed in lab.local_files.items())


class LabCache:
    """Keeps the last Lab and Renderer, keyed by the content of the files they were made from.

    With ``incremental=True`` (for `mkdocs serve`) a changed lab is loaded through a
    :class:`~labbook.load.incremental.LoadMemo`, so an edit of one entry re-reads that entry only.
    """

    def __init__(self, *, incremental: bool = False) -> None:
        self.memo = LoadMemo() if incremental else None
        self._lab_key: object = None
        self._lab: Lab | None = None
        self._renderer_key: object = None
        self._renderer: Renderer | None = None

    def lab(self, settings: Settings) -> Lab:
        """The lab for ``settings``, reloaded only when an input file or an option changed."""
        key = (_fingerprint(lab_inputs(settings)), repr(settings))
        if self._lab is None or key != self._lab_key or _files_came_or_went(self._lab):
            self._lab, self._lab_key = load_lab(settings, self.memo), key
        return self._lab

    def renderer(self, override_dirs: list[Path]) -> Renderer:
        """A renderer whose compiled templates are reused until an override template changes."""
        key = (tuple(str(d) for d in override_dirs), _fingerprint(_template_files(override_dirs)))
        if self._renderer is None or key != self._renderer_key:
            self._renderer, self._renderer_key = Renderer(override_dirs), key
        return self._renderer

    @property
    def renderer_key(self) -> str:
        """A digest of the override templates the current renderer was made from."""
        return hashlib.blake2b(repr(self._renderer_key).encode(), digest_size=16).hexdigest()
