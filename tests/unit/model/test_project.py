"""Tests of labbook.model.project: the projects.yml schema and its mistakes at their lines."""

from __future__ import annotations

import pytest

from labbook.model.project import Project
from tests.helpers import one_error, validate


def test_valid_projects() -> None:
    """Every documented key is accepted; status defaults to ongoing."""
    text = """
    - id: adaptation
      title: Theory of adaptation
      status: done
      summary: Why LoRA works.
      background: |
        Foundation models are *adapted*.
      contributions: |
        - An analysis ([ICLR](pub:zeng2024expressive)).
      people: [kangwook-lee]
      publications: [zeng2024expressive]
      talks: [2024-04-jhu]
      topics: [LoRA]
    - id: other
      title: Other
    """
    projects, diagnostics = validate(text, Project, "data/projects.yml")
    assert diagnostics == []
    assert projects[0].status == "done" and projects[0].talks == ["2024-04-jhu"]
    assert projects[1].status == "ongoing" and projects[1].people == []


@pytest.mark.parametrize(
    ("snippet", "line", "needle"),
    [
        ("- id: p\n  title: P\n  peple: [a]\n", 3, "unknown key 'peple'"),
        ("- id: p\n", 1, "required key 'title' is missing"),
        ("- id: p\n  title: P\n  status: finished\n", 3, "'status' is 'finished', which is not one of: ongoing, done"),
        ("- id: p\n  title: P\n  talks: {a: 1}\n", 3, "'talks' should be a list, not a mapping"),
    ],
)
def test_each_mistake_is_one_error_at_its_line(snippet: str, line: int, needle: str) -> None:
    """Typos, missing titles, unknown statuses, a mapping where a list belongs."""
    projects, diagnostics = validate(snippet, Project, "data/projects.yml")
    assert projects == []
    error = one_error(diagnostics)
    assert (error.path, error.line) == ("data/projects.yml", line)
    assert needle in error.message
