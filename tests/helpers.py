"""Helpers for unit tests of YAML records: validate a snippet and read the diagnostics."""

from __future__ import annotations

import textwrap
from typing import TypeVar

from labbook.diagnostics import Diagnostic, Report
from labbook.load.collections import validate_collection
from labbook.load.yaml import parse_yaml
from labbook.model.common import Record

R = TypeVar("R", bound=Record)


def validate(text: str, model: type[R], path: str = "data/x.yml") -> tuple[list[R], list[Diagnostic]]:
    """Records and diagnostics from a YAML snippet (dedented) validated as a list of ``model``."""
    report = Report()
    doc = parse_yaml(textwrap.dedent(text).lstrip("\n"), path, report)
    assert doc is not None, [d.format_text() for d in report]
    records = validate_collection(doc, model, report)
    return records, list(report)


def one_error(diagnostics: list[Diagnostic]) -> Diagnostic:
    """The single diagnostic of a list (fails with all of them shown otherwise)."""
    assert len(diagnostics) == 1, [d.format_text() for d in diagnostics]
    return diagnostics[0]
