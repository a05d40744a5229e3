"""`labbook check`'s cache: the result of checking a lab, kept under ``.labbook/cache/`` by content hash.

Checking 5,000 publications takes seconds, most of it parsing BibTeX and importing MkDocs; checking the same
files again gives the same answer. So the result (every diagnostic, with its file, line and column, and the
record counts) is stored as JSON under a key made of

- the mkdocs.yml bytes, the labbook source code, and the versions of Python, MkDocs and Material (what decides
  the settings and how files are read), and
- the bytes of every file the lab is read from (bibliographies, YAML collections, research notes; a missing
  file counts as missing).

A hit prints exactly what a fresh check prints: nothing is parsed again and MkDocs is not even imported. A
configuration whose settings can change without its bytes changing (``INHERIT``, ``!ENV``) is never cached.
The cache holds JSON only (never pickles), so a cache file committed by someone else cannot run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from labbook.diagnostics import Diagnostic, RecordCount, Severity

if TYPE_CHECKING:
    from labbook.settings import Settings

CACHE_DIR = Path(".labbook") / "cache"
#: Bumped when the cache's format changes.
FORMAT = 1


@dataclass
class CheckResult:
    """What a check found: every diagnostic (paths as the project writes them) and the record counts."""

    diagnostics: list[Diagnostic]
    counts: list[RecordCount]


def _code_digest() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _files_digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def _note_files(notes_dir: Path) -> list[Path]:
    # The same rule as labbook.load.notes.note_files, without importing the loaders on a cache hit.
    if not notes_dir.is_dir():
        return []
    return sorted(p for p in notes_dir.rglob("*.md") if p.name != "index.md" and p.is_file())


class CheckCache:
    """The cached check of the site configured by ``config_file``."""

    def __init__(self, config_file: Path) -> None:
        self.config_file = config_file.resolve()
        self.folder = self.config_file.parent / CACHE_DIR
        try:
            text = self.config_file.read_bytes()
        except OSError:
            text = b""
        self.usable = bool(text) and b"INHERIT" not in text and b"!ENV" not in text
        key = hashlib.sha256()
        for part in (str(FORMAT), sys.version, _version("mkdocs"), _version("mkdocs-material"), _code_digest(),
                     str(self.config_file)):
            key.update(part.encode() + b"\0")
        key.update(text)
        self.path = self.folder / f"check-{key.hexdigest()[:32]}.json"

    def load(self) -> CheckResult | None:
        """The stored result, if the inputs it was made from are unchanged."""
        if not self.usable:
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            inputs = [Path(p) for p in data["inputs"]] + _note_files(Path(data["notes_dir"]))
            if data["inputs_digest"] != _files_digest(inputs):
                return None
            return CheckResult(
                diagnostics=[Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in data["diagnostics"]],
                counts=[RecordCount(**c) for c in data["counts"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # no cache yet, or one we cannot read: check afresh

    def store(self, result: CheckResult, settings: Settings) -> None:
        """Keep ``result``, made from the files ``settings`` names."""
        if not self.usable:
            return
        from labbook.catalog.build import lab_inputs
        from labbook.catalog.build import notes_dir as lab_notes_dir

        folder = lab_notes_dir(settings)
        notes = set(_note_files(folder))
        inputs = [p for p in lab_inputs(settings) if p not in notes]
        data = {
            "inputs": [str(p) for p in inputs],
            "notes_dir": str(folder),
            "inputs_digest": _files_digest([*inputs, *_note_files(folder)]),
            "diagnostics": [d.to_dict() for d in result.diagnostics],
            "counts": [{"path": c.path, "read": c.read, "kept": c.kept} for c in result.counts],
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# labbook's caches: never commit them\n*\n", encoding="utf-8")
            for old in self.folder.glob("check-*.json"):
                old.unlink(missing_ok=True)  # one configuration, one entry: the folder never grows
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # a read-only checkout still gets its check, just not a faster one next time
