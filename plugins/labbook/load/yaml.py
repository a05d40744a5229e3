"""A YAML reader for data files that keeps the line of every value and never guesses types.

PyYAML's safe loader turns ``NO`` into ``False``, ``0755`` into 493 and ``2024-07-01`` into a date before
anything can object. Here every plain scalar stays the text the user wrote (``null``, ``~`` and empty values
become ``None``); the typed models decide what a field means, so a name like ``NO`` stays "NO". Nodes come
from PyYAML's safe composer: no tag can build a Python object, and alias expansion is bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from labbook.diagnostics import Report

#: At most this many nodes are built from one file, aliases counted each time they are used.
MAX_NODES = 200_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge")
)

Path_ = tuple[int | str, ...]


@dataclass
class YamlDocument:
    """A parsed data file: plain Python data, and the (line, column) of every key and value by path."""

    data: Any
    path: str
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Path_) -> tuple[int, int]:
        """The (line, column) of the deepest known node along ``loc`` (1-based; (1, 1) as a last resort)."""
        probe = tuple(loc)
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


class _TooLarge(Exception):
    pass


class _BadTag(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__(node.tag)
        self.node = node


def decode_yaml_bytes(data: bytes, path: str, report: Report) -> str | None:
    """UTF-8 text of a data file (a byte order mark is allowed), or ``None`` with a diagnostic."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.error(path, line, "yaml-encoding", "the file is not valid UTF-8, so it was not read",
                     hint="save the file as UTF-8 (most editors offer 'Save with encoding')")
        return None


def parse_yaml(text: str, path: str, report: Report) -> YamlDocument | None:
    """Parse one YAML document; syntax errors, extra documents, unsafe tags and alias bombs are reported."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Composer))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        problem = exc.problem or "invalid YAML"
        hint = "YAML indents with spaces, never tabs" if "\\t" in problem or "tab" in problem.lower() else (
            "check the indentation and the ':' after each key; quote values that contain ': ' or start with"
            " a special character such as '@', '`', '{' or '['"
        )
        if problem.startswith("duplicate key"):
            report.error(path, line, "yaml-duplicate-key", problem, column=col,
                         hint="each key may appear once per record; delete or rename one of them")
        else:
            report.error(path, line, "yaml-syntax", f"invalid YAML: {problem}", column=col, hint=hint)
        return None
    except yaml.YAMLError as exc:
        report.error(path, 1, "yaml-syntax", f"invalid YAML: {exc}")
        return None
    if not nodes:
        return YamlDocument(data=None, path=path)
    if len(nodes) > 1:
        extra = nodes[1].start_mark.line + 1
        report.error(path, extra, "yaml-several-documents",
                     "the file holds more than one YAML document; only the first is read",
                     hint="remove the '---' line, or merge the documents into one list")
    doc = YamlDocument(data=None, path=path)
    try:
        doc.data = _build(nodes[0], (), doc.marks, [0])
    except _TooLarge:
        report.error(path, 1, "yaml-too-large",
                     f"the file expands to more than {MAX_NODES} values (aliases included), so it was not read",
                     hint="remove the aliases (*name) that repeat large parts of the file")
        return None
    except _BadTag as bad:
        mark = bad.node.start_mark
        report.error(path, mark.line + 1, "yaml-tag",
                     f"the tag '{bad.node.tag}' is not allowed in data files", column=mark.column + 1,
                     hint="remove the tag: data files hold plain text, lists and mappings")
        return None
    return doc


class _Composer(yaml.SafeLoader):
    """SafeLoader's scanner and composer with duplicate keys refused at composition time."""

    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        seen: dict[str, yaml.Node] = {}
        for key, _value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            first = seen.get(key.value)
            if first is not None:
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"duplicate key '{key.value}' (first at line {first.start_mark.line + 1})",
                    key.start_mark,
                )
            seen[key.value] = key
        return node


def _build(node: yaml.Node, loc: Path_, marks: dict[Path_, tuple[int, int]], count: list[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _TooLarge
    marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if node.tag not in _STANDARD_TAGS:
        raise _BadTag(node)
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), marks, count) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in _merged_pairs(node):
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        child = (*loc, key)
        marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _build(value_node, child, marks, count)
    return result


def _merged_pairs(node: yaml.Node) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge" and isinstance(value_node, yaml.MappingNode):
            yield from _merged_pairs(value_node)
        else:
            yield key_node, value_node
