"""Reading a Jekyll or Hugo content file: YAML (``---``) or TOML (``+++``) front matter and the Markdown body.

Nothing here raises on bad input: a file that cannot be read, or front matter that does not parse, comes back
with an ``error`` that the importer reports (file and line) before it skips the item.
"""

from __future__ import annotations

import re
import tomllib
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Document:
    """One content file: its front matter as a dict, its body, and where things are in it."""

    path: Path
    rel: str
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    front: str = ""
    toml: bool = False
    error: str | None = None
    error_line: int = 1

    def line_of(self, key: str) -> int:
        """The line of ``key:`` (or ``key =``) in the front matter, or 1 when it cannot be found."""
        match = re.search(rf"^\s*{re.escape(key)}\s*[:=]", self.front, re.M)
        return 1 + (self.front.count("\n", 0, match.start()) + 1 if match else 0)

    def text(self, key: str) -> str:
        """The front-matter value of ``key`` as stripped text ("" when absent or not a scalar)."""
        return scalar(self.meta.get(key))

    @property
    def draft(self) -> bool:
        """Hugo's ``draft: true`` and Jekyll's ``published: false``."""
        return self.meta.get("draft") is True or self.meta.get("published") is False


def scalar(value: Any) -> str:
    """A front-matter value as text: strings stripped, numbers and dates as written, anything else ""."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return str(value).strip()


#: The source folder of the import running now: no file under it is read through a link to elsewhere.
SOURCE_ROOT: ContextVar[Path | None] = ContextVar("labbook_import_source", default=None)


def read_text(path: Path) -> tuple[str, str | None]:
    """The text of ``path`` with newlines normalised, or ("", why it cannot be read)."""
    root = SOURCE_ROOT.get()
    try:
        if root is not None and path.absolute().is_relative_to(root.absolute()) \
                and not path.resolve().is_relative_to(root.resolve()):
            return "", "it is a link to a file outside the source folder; not read"
    except (OSError, RuntimeError) as exc:
        return "", f"cannot read the file: {exc}"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return "", f"cannot read the file: {exc.strerror or exc}"
    text = raw.decode("utf-8", errors="replace")
    if "\ufffd" in text and "\ufffd" not in raw.decode("latin-1"):
        text = raw.decode("latin-1")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), None


def read_document(path: Path, root: Path) -> Document:
    """Read ``path`` (a content file under ``root``) into a :class:`Document`."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    doc = Document(path=path, rel=rel)
    text, error = read_text(path)
    if error:
        doc.error = error
        return doc
    match = re.match(r"(---|\+\+\+)[ \t]*\n(.*?\n)?(\1)[ \t]*(\n|$)", text, re.S)
    if not match:
        doc.body = text
        return doc
    doc.front = match.group(2) or ""
    doc.toml = match.group(1) == "+++"
    doc.body = text[match.end():]
    doc.body_line = text.count("\n", 0, match.end()) + 1
    doc.meta, doc.error, doc.error_line = parse_front(doc.front, toml=match.group(1) == "+++")
    return doc


def parse_front(front: str, *, toml: bool) -> tuple[dict[str, Any], str | None, int]:
    """Front matter as a dict, or ({}, the parse error, its line)."""
    try:
        data = tomllib.loads(front) if toml else _load_yaml(front)[0]
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        return {}, f"the TOML front matter does not parse: {exc}", 1 + (int(line.group(1)) if line else 0)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = 2 + mark.line if mark is not None else 1
        return {}, f"the YAML front matter does not parse: {getattr(exc, 'problem', None) or exc}", where
    except (ValueError, TypeError, RecursionError) as exc:
        return {}, f"the front matter does not parse: {exc}", 1
    if data is None:
        return {}, None, 1
    if not isinstance(data, dict):
        return {}, "the front matter is not a set of keys and values", 2
    return {str(k): v for k, v in data.items()}, None, 1


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, keeping dates as written text (so ``Jun 1, 2007`` and ``2024-05`` survive) and
    noting every repeated key (YAML keeps the last one silently; the importer reports it)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            key = str(key_node.value)
            if key in seen and key != "<<":
                self.duplicates.append((key, key_node.start_mark.line + 1))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_yaml(text: str) -> tuple[Any, list[tuple[str, int]]]:
    loader = _Loader(text)
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def duplicate_keys(text: str) -> list[tuple[str, int]]:
    """Keys written twice in one mapping of a YAML text, with the line of the repeat (empty when it does not
    parse)."""
    try:
        return _load_yaml(text)[1]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return []


def load_yaml_file(path: Path) -> tuple[Any, str | None, int]:
    """A data file (``_data/*.yml``) parsed safely, or (None, why, line)."""
    text, error = read_text(path)
    if error:
        return None, error, 1
    try:
        return _load_yaml(text)[0], None, 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, f"does not parse as YAML: {getattr(exc, 'problem', None) or exc}", (mark.line + 1 if mark else 1)
    except (ValueError, TypeError, RecursionError) as exc:
        return None, f"does not parse as YAML: {exc}", 1


def line_in(text: str, needle: str, start_line: int = 1) -> int:
    """The line of the first ``needle`` in ``text`` (counted from ``start_line``), or ``start_line``."""
    at = text.find(needle)
    return start_line if at < 0 else start_line + text.count("\n", 0, at)
