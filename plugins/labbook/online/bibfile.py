"""Changing a .bib file safely: new entries appended, an upgraded entry replaced, all in one atomic write."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_ENTRY_HEAD = r"@[ \t]*\w+[ \t]*[{(][ \t]*KEY[ \t]*,"


class BibFileError(OSError):
    """The file cannot be read or written (the message names it)."""


def entry_span(text: str, key: str) -> tuple[int, int] | None:
    """Where the entry ``key`` starts (its ``@``) and ends (after its closing brace) in ``text``, or ``None``."""
    head = re.search(_ENTRY_HEAD.replace("KEY", re.escape(key)), text, re.IGNORECASE)
    if head is None:
        return None
    opening = text.index("{" if "{" in head.group() else "(", head.start())
    closer = "}" if text[opening] == "{" else ")"
    depth = 0
    for index in range(opening, len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if (closer == "}" and depth == 0) or (closer == ")" and depth == 0 and char == ")"):
            return head.start(), index + 1
    return None


def updated_text(text: str, new_entries: list[str], replacements: dict[str, str]) -> str:
    """``text`` with each entry named in ``replacements`` swapped for its new text and ``new_entries`` appended.

    Nothing else changes: no entry is reformatted, comments and ``@string``s stay where they are, and a file
    with Windows line ends gets new text with Windows line ends.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    new_entries = [e.replace("\n", newline) for e in new_entries]
    replacements = {k: e.replace("\n", newline) for k, e in replacements.items()}
    for key, entry in replacements.items():
        span = entry_span(text, key)
        if span is None:
            raise BibFileError(f"entry '{key}' was not found in the file to replace it")
        text = text[: span[0]] + entry.rstrip("\n") + text[span[1]:]
    if new_entries:
        if text and not text.endswith("\n"):
            text += newline
        if text.strip():
            text += newline
        text += newline.join(new_entries)
    return text


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder renamed over it: a reader (or a
    crash) sees the old file or the new one, never half of one. The file's permissions are kept."""
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BibFileError(f"cannot write {path}: {exc.strerror or exc}") from exc


def read_text(path: Path) -> str:
    """The file's text ("" when it does not exist yet); UTF-8, as labbook writes it."""
    if not path.exists():
        return ""
    try:
        with path.open(encoding="utf-8", newline="") as handle:  # line ends exactly as they are
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise BibFileError(f"cannot read {path}: {exc}") from exc
