"""labbook.exports.ical: talks as RFC 5545 events, read back by a strict checker written from the RFC
(tests/rfc5545.py) and by the independent ``ics`` parser."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import ics

from labbook.exports.ical import TalkDetails, talk_uid, talks_calendar
from labbook.model.talk import Talk
from tests.helpers import validate
from tests.rfc5545 import check

TALKS = """
- id: timed-local
  title: "Local time; in the site's zone, with a comma"
  date: 2025-03-05T15:30:00
- id: timed-offset
  title: With an offset
  date: 2025-03-06T09:00:00+02:00
- id: one-day
  title: A day
  date: 2025-04-12
- id: a-month
  title: Sometime in May
  date: 2025-05
- id: a-year
  title: Sometime in 2019
  date: "2019"
"""

STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def talks() -> list[Talk]:
    records, problems = validate(TALKS, Talk, "data/talks.yml")
    assert not problems, problems
    return records


def details(talk: Talk) -> TalkDetails:
    return TalkDetails(summary=talk.title, description=f"About {talk.title}\nSecond line, with; marks\\",
                       location="Room 1, Madison", url=f"https://lab.example.org/talks/{talk.id}/",
                       categories=("Seminar",))


def calendar(tz: str = "America/Chicago") -> bytes:
    zone = UTC if tz == "UTC" else ZoneInfo(tz)
    return talks_calendar(talks(), details, name="Lab – Talks", site_url="https://lab.example.org/",
                          stamp=STAMP, tz=zone)


def events_by_uid(doc: bytes) -> dict:
    return {e.one("UID").value: e for e in check(doc).find("VEVENT")}


def test_one_event_per_talk_with_stable_uids() -> None:
    """Every talk is one VEVENT whose UID is its id at the site's host; a second build gives the same UIDs."""
    events = events_by_uid(calendar())
    assert sorted(events) == sorted(f"talk-{t.id}@lab.example.org" for t in talks())
    assert events_by_uid(calendar()).keys() == events.keys()


def test_local_time_carries_the_site_zone() -> None:
    """A time without an offset is local time in the site's zone: DTSTART;TZID=America/Chicago, a VTIMEZONE
    for it, and an end one hour later."""
    doc = calendar()
    event = events_by_uid(doc)["talk-timed-local@lab.example.org"]
    start, end = event.one("DTSTART"), event.one("DTEND")
    assert (start.params, start.value) == ({"TZID": "America/Chicago"}, "20250305T153000")
    assert (end.params, end.value) == ({"TZID": "America/Chicago"}, "20250305T163000")
    zones = [z.one("TZID").value for z in check(doc).find("VTIMEZONE")]
    assert zones == ["America/Chicago"]


def test_written_offset_becomes_utc() -> None:
    """A time written with a UTC offset is that instant, in UTC (a fixed offset names no zone for a TZID)."""
    event = events_by_uid(calendar())["talk-timed-offset@lab.example.org"]
    assert (event.one("DTSTART").params, event.one("DTSTART").value) == ({}, "20250306T070000Z")
    assert event.one("DTEND").value == "20250306T080000Z"


def test_site_in_utc_writes_utc_and_no_timezone_block() -> None:
    """With the site in UTC, local times are written with Z and the calendar needs no VTIMEZONE."""
    doc = calendar("UTC")
    assert check(doc).find("VTIMEZONE") == []
    assert events_by_uid(doc)["talk-timed-local@lab.example.org"].one("DTSTART").value == "20250305T153000Z"


def test_dates_without_time_are_all_day_spans() -> None:
    """A day is one all-day event; a month or a year spans that period and is marked free (TRANSPARENT)."""
    events = events_by_uid(calendar())
    spans = {uid.split("@")[0]: (e.one("DTSTART").value, e.one("DTEND").value, e.get("TRANSP"))
             for uid, e in events.items() if e.one("DTSTART").params.get("VALUE") == "DATE"}
    assert {k: (a, b, t.value if t else None) for k, (a, b, t) in spans.items()} == {
        "talk-one-day": ("20250412", "20250413", None),
        "talk-a-month": ("20250501", "20250601", "TRANSPARENT"),
        "talk-a-year": ("20190101", "20200101", "TRANSPARENT"),
    }


def test_text_is_escaped_and_fields_present() -> None:
    """SUMMARY, DESCRIPTION and LOCATION escape ; , and backslash (the checker rejects bare ones); URL,
    CATEGORIES and DTSTAMP (in UTC) are there."""
    doc = calendar()
    event = events_by_uid(doc)["talk-timed-local@lab.example.org"]
    assert event.one("SUMMARY").value == "Local time\\; in the site's zone\\, with a comma"
    assert event.one("DESCRIPTION").value.endswith("Second line\\, with\\; marks\\\\")
    assert event.one("URL").value == "https://lab.example.org/talks/timed-local/"
    assert event.one("DTSTAMP").value == "20250102T030405Z"
    cal = check(doc)
    assert cal.one("METHOD").value == "PUBLISH" and cal.one("X-WR-CALNAME").value == "Lab – Talks"


def test_independent_parser_reads_the_same_instants() -> None:
    """The ``ics`` package parses the file and finds the same start instants and all-day flags."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ics warns about its own future API, not about the file
        parsed = ics.Calendar(calendar().decode("utf-8"))
    events = {e.uid.split("@")[0]: e for e in parsed.events}
    assert events["talk-timed-local"].begin.datetime == datetime(2025, 3, 5, 21, 30, tzinfo=UTC)
    assert events["talk-timed-offset"].begin.datetime == datetime(2025, 3, 6, 7, 0, tzinfo=UTC)
    assert events["talk-one-day"].all_day and events["talk-one-day"].begin.date() == date(2025, 4, 12)
    assert events["talk-a-month"].end.date() == date(2025, 6, 1)
    assert events["talk-timed-local"].location == "Room 1, Madison"


def test_uid_includes_the_site_path() -> None:
    """Two sites on one host (GitHub Pages project sites) never share a UID."""
    assert talk_uid("x", "https://example.github.io/lab-a/") == "talk-x.lab-a@example.github.io"
    assert talk_uid("x", "https://example.github.io/lab-b/") != talk_uid("x", "https://example.github.io/lab-a/")
    assert talk_uid("x", "https://lab.example.org/") == "talk-x@lab.example.org"


def test_empty_calendar_is_valid() -> None:
    """No talks: still a valid VCALENDAR with no events."""
    doc = talks_calendar([], details, name="Lab – Talks", site_url="https://lab.example.org/", stamp=STAMP, tz=UTC)
    assert check(doc).find("VEVENT") == []
