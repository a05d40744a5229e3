"""Tests of labbook.catalog.lab for the YAML collections: ordering, reverse indexes, talk, opening and news queries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from labbook.model.dates import Clock
from tests.unit.catalog.test_linking import make_lab

TALKS = """
- id: next-week
  title: Next week
  date: 2025-01-22
  speaker: kangwook-lee
  kind: invited
- id: this-month
  title: This month
  date: 2025-01
  speaker: yuchen-zeng
  kind: seminar
  selected: true
- id: last-year
  title: Last year
  date: 2024-04
  speaker: kangwook-lee
  kind: seminar
  selected: true
  topics: [LoRA]
- id: old
  title: Old
  date: 2021-03-02T10:00:00-05:00
  speaker: Jane Doe
  kind: keynote
"""
CLOCK = Clock.for_site("UTC", date(2025, 1, 15))


@pytest.fixture
def lab(tmp_path: Path):
    return make_lab(tmp_path, talks_yml=TALKS, news_yml="""
        - date: 2024-03
          title: Award
          text: One.
        - date: 2024-07
          title: Award
          text: Two.
        - date: 2024-03
          title: Award
          text: Three.
        """, openings_yml="""
        - id: postdoc
          title: Postdoc
          level: postdoc
          deadline: 2025-01-14
        - id: phd
          title: PhD
          level: phd
          deadline: 2025-02-01
        - id: ms
          title: MS
          level: ms
          status: closed
        """)


def test_talks_are_newest_first_and_split_by_the_clock(lab) -> None:
    """Upcoming talks come soonest first; a talk dated this month is upcoming until the month ends."""
    assert [t.id for t in lab.talks] == ["next-week", "this-month", "last-year", "old"]
    assert [t.id for t in lab.query_talks(when="upcoming", clock=CLOCK)] == ["this-month", "next-week"]
    assert [t.id for t in lab.query_talks(when="past", clock=CLOCK)] == ["last-year", "old"]


def test_talk_filters(lab) -> None:
    """selected, kind, speaker (id or guest name), year ranges, topic and limit combine."""
    assert [t.id for t in lab.query_talks(selected=True)] == ["this-month", "last-year"]
    assert [t.id for t in lab.query_talks(kind="seminar", speaker="kangwook-lee")] == ["last-year"]
    assert [t.id for t in lab.query_talks(speaker="Jane Doe")] == ["old"]
    assert [t.id for t in lab.query_talks(year="2021-2024")] == ["last-year", "old"]
    assert [t.id for t in lab.query_talks(topic="lora")] == ["last-year"]
    assert [t.id for t in lab.query_talks(limit=1)] == ["next-week"]
    with pytest.raises(ValueError, match="upcoming"):
        lab.query_talks(when="soon", clock=CLOCK)


def test_openings_by_status_at_the_clock(lab) -> None:
    """A passed deadline counts as closed; `all` keeps file order."""
    assert [o.id for o in lab.query_openings(clock=CLOCK)] == ["phd"]
    assert [o.id for o in lab.query_openings(clock=CLOCK, status="closed")] == ["postdoc", "ms"]
    assert [o.id for o in lab.query_openings(clock=CLOCK, status="all", level=["ms", "phd"])] == ["phd", "ms"]
    with pytest.raises(ValueError, match="status"):
        lab.query_openings(clock=CLOCK, status="maybe")


def test_news_newest_first_with_unique_anchors(lab) -> None:
    """News is sorted newest first; repeated derived ids get -2, -3."""
    assert [n.text for n in lab.latest_news()] == ["Two.", "One.", "Three."]
    assert [n.anchor for n in lab.latest_news()] == ["2024-07-award", "2024-03-award", "2024-03-award-2"]
    assert len(lab.latest_news(2)) == 2


def test_reverse_indexes(lab) -> None:
    """People know their talks (by id or name), projects and papers."""
    assert [t.id for t in lab.talks_of["kangwook-lee"]] == ["next-week", "last-year"]
    assert [t.id for t in lab.talks_of["yuchen-zeng"]] == ["this-month"]
    assert [p.key for p in lab.papers_of["yuchen-zeng"]] == ["zeng2024expressive"]
    assert [p.id for p in lab.projects_of["kangwook-lee"]] == ["adaptation"]
