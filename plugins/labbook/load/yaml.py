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
from labbook.load.limits import Budget, TooLarge
from labbook.load.value_checks import ScalarChecks
from labbook.load.yaml_compose import Composer, compose_fast

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
    """A parsed data file: plain Python data, and the (line, column) of every key and value by path.

    ``spans`` holds, for every scalar value, where it starts and ends in the file (0-based line and column of
    PyYAML's marks), and ``lines`` the file's text, so that a problem found inside a value (a bad link on the
    fourth line of a ``text: |`` block) can be placed on its own line: see :meth:`find`.
    """

    data: Any
    path: str
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    spans: dict[Path_, tuple[int, int, int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def find(self, loc: Path_, needle: str, nth: int = 0) -> tuple[int, int] | None:
        """The 1-based (line, column) of the ``nth`` occurrence of ``needle`` in the text of the scalar at
        ``loc``, or ``None`` when it cannot be found as written (an escape in a quoted string, for example).

        Occurrences right after ``(``, ``<`` or ``:`` (where Markdown puts a link target) are preferred, so a
        target also mentioned in the running text is found where it is used as a link.
        """
        span = self.spans.get(tuple(loc))
        if span is None or not needle:
            return None
        first, first_col, last, last_col = span
        hits: list[tuple[bool, int, int]] = []
        for index in range(first, min(last, len(self.lines) - 1) + 1):
            line = self.lines[index]
            low = first_col if index == first else 0
            high = last_col if index == last else len(line)
            start = line.find(needle, low)
            while start != -1 and start + len(needle) <= high:
                before = line[low:start].rstrip()[-1:]
                hits.append((before != "" and before in "(<:", index + 1, start + 1))
                start = line.find(needle, start + 1)
        chosen = [hit for hit in hits if hit[0]] or hits
        if not chosen:
            return None
        _, line_no, column = chosen[min(nth, len(chosen) - 1)]
        return line_no, column

    def where(self, loc: Path_) -> tuple[int, int]:
        """The (line, column) of the deepest known node along ``loc`` (1-based; (1, 1) as a last resort)."""
        probe = tuple(loc)
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


class _Recursive(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__(node.tag)
        self.node = node


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
    """Parse one YAML document; syntax errors, extra documents, unsafe tags and alias bombs are reported.

    A duplicate key is reported (naming both lines) and its later value ignored, so the rest of the record and
    of the file is still read. Anything that makes the file unreadable returns ``None`` after its diagnostic.
    """
    fast = compose_fast(text)
    loader = None
    try:
        if fast is not None:
            nodes, duplicates = fast
        else:
            loader = Composer(text)
            nodes = []
            while loader.check_node():
                nodes.append(loader.get_node())
            duplicates = loader.duplicates
    except yaml.MarkedYAMLError as exc:
        _report_syntax(exc, path, report)
        return None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        report.error(path, line, "yaml-syntax", f"invalid YAML: the character U+{exc.character:04X} is not allowed",
                     hint="delete the invisible control character on this line (copying from a PDF or a word"
                          " processor often brings one in)")
        return None
    except yaml.YAMLError as exc:
        report.error(path, 1, "yaml-syntax", f"invalid YAML: {exc}")
        return None
    except ValueError:
        # PyYAML's scanner passes an escape past U+10FFFF ("\U00110000") to chr(): a bare ValueError.
        line = getattr(loader, "line", 0) + 1
        report.error(path, line, "yaml-syntax", "invalid YAML: an escape in a quoted string names no character",
                     hint="a \\U escape takes 8 hex digits up to 0010FFFF; write the character itself instead")
        return None
    except RecursionError:
        report.error(path, 1, "yaml-too-deep", "the file nests lists and mappings too deeply to be read",
                     hint="data files need only a few levels: a list of records with their fields")
        return None
    finally:
        if loader is not None:
            loader.dispose()
    for key, first, again in duplicates:
        report.error(path, again.line + 1, "yaml-duplicate-key",
                     f"duplicate key '{key}': it is already set at line {first.line + 1}; this value is ignored",
                     column=again.column + 1, hint="each key may appear once per record; delete or rename one of them")
    nodes = [n for n in nodes if not _is_empty(n)] or nodes[:1]
    if not nodes or _is_empty(nodes[0]):
        return YamlDocument(data=None, path=path)
    lists = all(isinstance(n, yaml.SequenceNode) for n in nodes)
    if len(nodes) > 1:
        report.error(path, _document_marker_line(text, nodes[1].start_mark.line), "yaml-several-documents",
                     "the file holds more than one YAML document (a '---' line starts another); "
                     + ("their records are read as one list" if lists else "only the first is read"),
                     hint="remove the '---' line, so the file is one list of records")
    doc = YamlDocument(data=None, path=path, lines=text.split("\n"))
    builder = _Builder(doc.marks, doc.spans, Budget(len(text)))
    try:
        if len(nodes) > 1 and lists:
            doc.marks[()] = (nodes[0].start_mark.line + 1, nodes[0].start_mark.column + 1)
            doc.data = []
            for item in (item for node in nodes for item in node.value):
                doc.data.append(builder.build(item, (len(doc.data),)))
        else:
            doc.data = builder.build(nodes[0], ())
    except _Recursive as loop:
        mark = loop.node.start_mark
        report.error(path, mark.line + 1, "yaml-recursive",
                     "an alias (*name) here refers to the list or mapping that contains it, so the file was not read",
                     column=mark.column + 1, hint="remove the alias, or point it at something outside itself")
        return None
    except RecursionError:
        report.error(path, 1, "yaml-too-deep", "the file nests lists and mappings too deeply to be read",
                     hint="data files need only a few levels: a list of records with their fields")
        return None
    except _TooLarge:
        report.error(path, 1, "yaml-too-large",
                     f"the file expands to more than {MAX_NODES} values (aliases included), so it was not read",
                     hint="remove the aliases (*name) that repeat large parts of the file")
        return None
    except TooLarge as big:
        report.error(path, 1, "yaml-too-large",
                     f"the file expands to more than {big.limit:,} characters of text (aliases included), so it"
                     " was not read", hint="remove the aliases (*name) that repeat large values")
        return None
    except _BadTag as bad:
        mark = bad.node.start_mark
        report.error(path, mark.line + 1, "yaml-tag",
                     f"the tag '{bad.node.tag}' is not allowed in data files", column=mark.column + 1,
                     hint="remove the tag: data files hold plain text, lists and mappings")
        return None
    builder.checks.report(path, report)
    for node in builder.complex_keys:
        report.error(path, node.start_mark.line + 1, "yaml-complex-key",
                     "a key here is a list or a mapping; keys must be plain names, so this entry is ignored",
                     column=node.start_mark.column + 1, hint="write the key as a plain word followed by ':'")
    return doc


def _report_syntax(exc: yaml.MarkedYAMLError, path: str, report: Report) -> None:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem:
        report.error(path, line, "yaml-syntax", "invalid YAML: a tab character where YAML allows only spaces",
                     column=col, hint="YAML indents with spaces, never tabs: replace the tab with spaces")
        return
    report.error(path, line, "yaml-syntax", f"invalid YAML: {problem}", column=col,
                 hint="check the indentation and the ':' after each key; quote values that contain ': ' or start"
                      " with a special character such as '@', '`', '{' or '['")


def _document_marker_line(text: str, node_line: int) -> int:
    """The 1-based line of the '---' that starts the document whose first node is on ``node_line`` (0-based)."""
    lines = text.split("\n")
    for index in range(min(node_line, len(lines) - 1), -1, -1):
        if lines[index].startswith("---"):
            return index + 1
    return node_line + 1


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and node.value in _NULLS


class _Builder:
    """Plain Python data from composed nodes, with the place of every key and value, and a node budget."""

    def __init__(self, marks: dict[Path_, tuple[int, int]], spans: dict[Path_, tuple[int, int, int, int]],
                 budget: Budget) -> None:
        self.budget = budget  # characters of text, an alias counted each time it is used
        self.marks = marks
        self.spans = spans
        self.count = 0
        self.complex_keys: list[yaml.Node] = []
        self.checks = ScalarChecks()
        self.open: set[int] = set()  # lists and mappings being built: an alias to one of them is a loop

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.open:
                raise _Recursive(node)
            self.open.add(id(node))
            try:
                return self._build(node, loc)
            finally:
                self.open.discard(id(node))
        return self._build(node, loc)

    def _build(self, node: yaml.Node, loc: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        self.marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _STANDARD_TAGS:
            raise _BadTag(node)
        if isinstance(node, yaml.ScalarNode):
            if node.style is None and node.value in _NULLS:
                return None
            start, end = node.start_mark, node.end_mark
            self.spans[loc] = (start.line, start.column, end.line, end.column)
            self.budget.spend(len(node.value))
            return self.checks.clean(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in _merged_pairs(node, {id(node)}):
            if not isinstance(key_node, yaml.ScalarNode):
                self.complex_keys.append(key_node)
                continue
            if key_node.tag not in _STANDARD_TAGS:
                raise _BadTag(key_node)
            key = self.checks.clean(key_node)
            child = (*loc, key)
            self.marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result


def _merged_pairs(node: yaml.Node, seen: set[int]) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    for key_node, value_node in node.value:
        merge = key_node.tag == "tag:yaml.org,2002:merge"
        sources = [value_node] if merge and isinstance(value_node, yaml.MappingNode) else (
            [i for i in value_node.value if isinstance(i, yaml.MappingNode)]
            if merge and isinstance(value_node, yaml.SequenceNode) else [])
        if merge and isinstance(value_node, yaml.CollectionNode):
            for source in sources:
                if id(source) in seen:
                    raise _Recursive(source)
                yield from _merged_pairs(source, seen | {id(source)})
        else:
            yield key_node, value_node
