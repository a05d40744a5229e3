"""Tests of labbook.model.course: the courses.yml schema and its mistakes at their lines."""

from __future__ import annotations

import pytest

from labbook.model.course import Course
from tests.helpers import one_error, validate


def test_valid_courses() -> None:
    """Every documented key is accepted; the anchor is the slug of the code."""
    text = """
    - code: ECE 532
      title: Matrix Methods in Machine Learning
      level: mixed
      terms: [Fall 2024, Spring 2025]
      instructors: [kangwook-lee]
      description: |
        Linear algebra for *machine learning*.
      url: https://example.org/ece532
    - code: ECE 761
    """
    courses, diagnostics = validate(text, Course, "data/courses.yml")
    assert diagnostics == []
    assert courses[0].anchor == "ece-532" and courses[0].level_label == "Undergraduate and graduate"
    assert courses[0].terms == ["Fall 2024", "Spring 2025"]
    assert courses[1].title is None and courses[1].level_label == ""


@pytest.mark.parametrize(
    ("snippet", "line", "needle"),
    [
        ("- code: ECE 1\n  tittle: A\n", 2, "unknown key 'tittle'"),
        ("- title: A\n", 1, "required key 'code' is missing"),
        ("- code: ECE 1\n  level: doctoral\n", 2, "'level' is 'doctoral', which is not one of: undergraduate"),
        ("- code: ECE 1\n  terms: Fall 2024\n", 2, "'terms' should be a list, not 'Fall 2024'"),
    ],
)
def test_each_mistake_is_one_error_at_its_line(snippet: str, line: int, needle: str) -> None:
    """Typos, a missing code, unknown levels, a term that is not a list."""
    courses, diagnostics = validate(snippet, Course, "data/courses.yml")
    assert courses == []
    error = one_error(diagnostics)
    assert (error.path, error.line) == ("data/courses.yml", line)
    assert needle in error.message


def test_code_0755_stays_text() -> None:
    """A numeric-looking course code keeps its leading zero."""
    courses, diagnostics = validate("- code: 0755\n", Course)
    assert diagnostics == [] and courses[0].code == "0755"


def test_a_refused_url_is_dropped_and_the_course_kept() -> None:
    """An ftp: link is reported at its line and left out; the course itself still shows."""
    courses, diagnostics = validate("- code: ECE 1\n  url: ftp://x.org/\n", Course, "data/courses.yml")
    error = one_error(diagnostics)
    assert (error.code, error.line) == ("yaml-unsafe-url", 2)
    assert [(c.code, c.url) for c in courses] == [("ECE 1", None)]
