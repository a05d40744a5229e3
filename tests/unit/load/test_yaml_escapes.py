"""labbook.load.yaml: an escape naming no character is a located error, not a traceback (found by fuzzing)."""

from __future__ import annotations

from labbook.diagnostics import Report
from labbook.load.yaml import parse_yaml


def test_escape_past_the_last_code_point_is_an_error_at_its_line() -> None:
    report = Report()
    text = '- id: person-0\n  name: "\\U00110000 Uniqname"\n  role: pi\n'
    assert parse_yaml(text, "data/people.yml", report) is None
    [problem] = report.items
    assert problem.code == "yaml-syntax" and problem.line == 2 and "names no character" in problem.message
