"""labbook.load.yaml reads data files through libyaml when it can: the result must be the pure-Python one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from labbook.diagnostics import Report
from labbook.load import yaml as data_yaml
from labbook.load import yaml_compose

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "a: 1\na: 2\n",
    "- {x: é, y: 2, x: 3}\n",
    "- name: Zoë\n  bio: 'ü'\n  links: {github: ö, email: a@b.c}\n",
    "- &a {k: 1}\n- *a\n- <<: *a\n  k: 2\n",
    "x: [1, 2\n",
    "\ta: 1\n",
    "- a: b: c\n",
    "---\n- a\n---\n- b\n",
    "",
    "~\n",
    "- ünïcödé: {ä: 1, ä: 2}\n",
    "k: !!python/object:os.system x\n",
    "a:\n  - b: 1\n    b: 2\n  - {c: 1, c: 2}\n",
    "- [a, b]: 1\n",
    "k: \x07\n",
    "- name: 名前\n  aliases: [名, 名前]\n  k: {名: 1, 名: 2}\n",
    "- x: NO\n  y: 0755\n  z: 2024-07-01\n",
    "- date:\n  text: hi\n  quoted: ''\n  tilde: ~\n",
    "plain\n",
]


def _parse(text: str, fast: bool) -> tuple:
    saved = yaml_compose._CLoader
    if not fast:
        yaml_compose._CLoader = None
    try:
        report = Report()
        doc = data_yaml.parse_yaml(text, "x.yml", report)
        return (None if doc is None else (doc.data, doc.marks), [dataclasses.astuple(d) for d in report])
    finally:
        yaml_compose._CLoader = saved


def test_libyaml_is_used_here() -> None:
    """The comparison below means something only when libyaml is installed (PyYAML's wheels ship it)."""
    assert yaml_compose._CLoader is not None


@pytest.mark.parametrize("text", TEXTS + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.yml"))])
def test_libyaml_gives_the_same_data_lines_and_problems(text: str) -> None:
    """Data, the line and column of every key, and every diagnostic are the same with and without libyaml."""
    assert _parse(text, fast=True) == _parse(text, fast=False)
