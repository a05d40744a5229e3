"""YAML text to nodes, with the line and column of each, and every repeated key noted with both places.

libyaml composes plainly valid text several times faster; anything else goes to PyYAML's pure-Python composer,
which reports every problem in its own words, so the diagnostics are the same with or without libyaml.
"""

from __future__ import annotations

from typing import Any

import yaml


def compose_fast(text: str) -> tuple[list[yaml.Node], list[tuple[str, yaml.Mark, yaml.Mark]]] | None:
    """The nodes and duplicate keys :class:`Composer` gives, composed by libyaml (several times faster).

    ``None`` when libyaml is missing or the text is not plainly valid: then the pure-Python composer reads it
    and reports every problem in its own words, the same with or without libyaml.
    """
    if not _CLoader or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _CLoader(text)
    try:
        nodes = []
        while loader.check_node():
            nodes.append(loader.get_node())
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    duplicates: list[tuple[str, yaml.Mark, yaml.Mark]] = []
    done: set[int] = set()
    for node in nodes:
        if not _drop_duplicates(node, duplicates, done):
            return None  # a recursive alias, which the pure-Python composer reports
    return nodes, duplicates


def _drop_duplicates(root: yaml.Node, duplicates: list[tuple[str, yaml.Mark, yaml.Mark]], done: set[int]) -> bool:
    """What Composer.compose_mapping_node does, in the order it does it: each mapping once (aliases share
    nodes), after the mappings inside it. Iterative, so deep nesting cannot exhaust the stack; ``False`` when
    a node contains itself."""
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        if finished:
            open_nodes.discard(id(node))
            done.add(id(node))
            if isinstance(node, yaml.MappingNode):
                Composer.drop_repeated_keys(node, duplicates)
            continue
        if id(node) in open_nodes:
            return False
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None  # libyaml's plain style; PyYAML's is None (an empty plain value is null)
            continue
        if id(node) in done:
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, False) for child in reversed(node.value)]
        else:
            for key, value in reversed(node.value):
                stack += [(value, False), (key, False)]
    return True


_CLoader = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


class Composer(yaml.SafeLoader):
    """SafeLoader's scanner and composer; a repeated key is noted (with both places) and its later pair dropped."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, yaml.Mark, yaml.Mark]] = []

    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        self.drop_repeated_keys(node, self.duplicates)
        return node

    @staticmethod
    def drop_repeated_keys(node: yaml.MappingNode, duplicates: list[tuple[str, yaml.Mark, yaml.Mark]]) -> None:
        """Keep the first pair of each key, noting (key, first place, repeated place) for the others."""
        seen: dict[str, yaml.Node] = {}
        kept = []
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                first = seen.get(key.value)
                if first is not None:
                    duplicates.append((key.value, first.start_mark, key.start_mark))
                    continue
                seen[key.value] = key
            kept.append((key, value))
        node.value = kept
