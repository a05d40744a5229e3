"""Tests of labbook.model.opening: open, closed, rolling and deadlines, against a pinned "today"."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from labbook.model.dates import Clock
from labbook.model.opening import Opening
from tests.helpers import one_error, validate


def opening(**fields: object) -> Opening:
    return Opening.model_validate({"id": "phd", "title": "PhD students", "level": "phd", **fields})


def on(day: str, zone: str = "UTC") -> Clock:
    return Clock.for_site(zone, date.fromisoformat(day))


@pytest.mark.parametrize(
    ("fields", "today", "is_open", "detail"),
    [
        ({}, "2025-01-15", True, ""),
        ({"status": "closed"}, "2025-01-15", False, ""),
        ({"status": "closed", "deadline": "2030-01-01"}, "2025-01-15", False, ""),
        ({"deadline": "rolling"}, "2025-01-15", True, "Rolling applications"),
        ({"deadline": "Rolling"}, "2099-01-01", True, "Rolling applications"),
        ({"deadline": "2025-01-16"}, "2025-01-15", True, "Apply by 16 January 2025"),
        ({"deadline": "2025-01-15"}, "2025-01-15", True, "Apply by 15 January 2025"),
        ({"deadline": "2025-01-14"}, "2025-01-15", False, "Deadline passed (14 January 2025)"),
        ({"deadline": "2025-01"}, "2025-01-31", True, "Apply by January 2025"),
        ({"deadline": "2025-01"}, "2025-02-01", False, "Deadline passed (January 2025)"),
        ({"deadline": "2025-01-15T17:00:00-06:00"}, "2025-01-15", True,
         "Apply by 15 January 2025, 17:00 UTC\u221206:00"),
        ({"deadline": "2025-01-14T23:59:00+00:00"}, "2025-01-15", False,
         "Deadline passed (14 January 2025, 23:59 UTC)"),
    ],
)
def test_state_with_a_pinned_today(fields: dict[str, object], today: str, is_open: bool, detail: str) -> None:
    """`closed` always wins; `rolling` never closes; a deadline closes the opening once it has passed."""
    state = opening(**fields).state(on(today))
    assert state.is_open is is_open
    assert state.label == ("Open" if is_open else "Closed")
    assert state.detail == detail


def test_a_passed_deadline_is_never_open_whatever_the_status() -> None:
    """An opening marked open with a deadline in the past is shown closed."""
    state = opening(status="open", deadline="2020-06-30").state(on("2024-01-01"))
    assert not state.is_open


def test_deadline_day_is_read_in_the_site_zone() -> None:
    """A date-only deadline lasts until midnight in the site's zone, not in UTC."""
    item = opening(deadline="2025-01-15")
    # 03:00 UTC on the 16th is still the 15th in Chicago.
    instant = datetime(2025, 1, 16, 3, 0, tzinfo=UTC)
    assert not item.state(Clock(UTC, instant)).is_open
    assert item.state(Clock(Clock.for_site("America/Chicago").tz, instant)).is_open


def test_naive_deadline_time_is_in_the_site_zone() -> None:
    """A deadline time without an offset is a local time of the site's zone."""
    item = opening(deadline="2025-01-15 17:00")
    chicago = Clock.for_site("America/Chicago").tz
    before = datetime(2025, 1, 15, 22, 59, tzinfo=UTC)  # 16:59 in Chicago
    after = datetime(2025, 1, 15, 23, 1, tzinfo=UTC)  # 17:01 in Chicago
    assert item.state(Clock(chicago, before)).is_open
    assert not item.state(Clock(chicago, after)).is_open


VALID = """
- id: postdoc
  title: Postdoc in foundation models
  level: postdoc
  status: open
  deadline: 2025-03-01
  posted: 2024-11
  description: |
    Work on *theory*.
  apply: |
    E-mail your CV.
- id: phd
  title: PhD students
  level: phd
  deadline: rolling
"""


def test_valid_openings() -> None:
    """Every documented key is accepted; status defaults to open."""
    found, diagnostics = validate(VALID, Opening, "data/openings.yml")
    assert diagnostics == []
    postdoc, phd = found
    assert postdoc.deadline != "rolling" and postdoc.deadline is not None
    assert postdoc.deadline.label == "1 March 2025" and postdoc.posted is not None
    assert phd.status == "open" and phd.deadline == "rolling"


@pytest.mark.parametrize(
    ("snippet", "line", "needle"),
    [
        ("- id: a\n  title: A\n  levle: phd\n", 3, "unknown key 'levle'"),
        ("- id: a\n  title: A\n", 1, "required key 'level' is missing"),
        ("- id: a\n  title: A\n  level: professor\n", 3, "'level' is 'professor', which is not one of"),
        ("- id: a\n  title: A\n  level: phd\n  status: pending\n", 4, "'status' is 'pending', which is not one of"),
        ("- id: a\n  title: A\n  level: phd\n  deadline: soon\n", 4, "or 'rolling'"),
        ("- id: a\n  title: A\n  level: phd\n  deadline: 2025-02-30\n", 4, "not a real date"),
        ("- id: a\n  title: A\n  level: phd\n  status: NO\n", 4, "'status' is 'NO', which is not one of"),
    ],
)
def test_each_mistake_is_one_error_at_its_line(snippet: str, line: int, needle: str) -> None:
    """Typos, missing keys, unknown levels and statuses and bad deadlines: one error each, at its line."""
    found, diagnostics = validate(snippet, Opening, "data/openings.yml")
    assert found == []
    error = one_error(diagnostics)
    assert (error.path, error.line) == ("data/openings.yml", line)
    assert needle in error.message
