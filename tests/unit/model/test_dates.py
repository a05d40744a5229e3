"""Tests of labbook.model.dates: reading dates as written, their precision, when they end, and the clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from labbook.model.dates import Clock, When, parse_when, zone_named

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    ("text", "precision", "iso", "label"),
    [
        ("2024", "year", "2024", "2024"),
        ("2024-07", "month", "2024-07", "July 2024"),
        ("2024-7", "month", "2024-07", "July 2024"),
        ("2024-07-05", "day", "2024-07-05", "5 July 2024"),
        ("2024-07-05T14:30:00-05:00", "day", "2024-07-05T14:30:00-05:00", "5 July 2024, 14:30 UTC\u221205:00"),
        ("2024-07-05 14:30 +0530", "day", "2024-07-05T14:30:00+05:30", "5 July 2024, 14:30 UTC+05:30"),
        ("2024-07-05T14:30Z", "day", "2024-07-05T14:30:00+00:00", "5 July 2024, 14:30 UTC"),
        ("2024-07-05 14:30", "day", "2024-07-05T14:30:00", "5 July 2024, 14:30"),
    ],
)
def test_formats_keep_their_precision(text: str, precision: str, iso: str, label: str) -> None:
    """Each accepted form is read with the precision it was written in, and shown and exported that way."""
    when = parse_when(text)
    assert when.precision == precision
    assert when.iso == iso
    assert when.label == label
    assert when.text == text


def test_naive_time_is_read_in_the_site_zone_and_offsets_are_kept() -> None:
    """A time without an offset is in the site's zone; one with an offset stays at its own instant."""
    naive = parse_when("2024-07-05 14:30")
    assert naive.moment is not None and naive.moment.tzinfo is None
    assert naive.start(CHICAGO) == datetime(2024, 7, 5, 14, 30, tzinfo=CHICAGO)
    aware = parse_when("2024-07-05T14:30:00-05:00")
    assert aware.start(UTC) == datetime(2024, 7, 5, 19, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "tz", "iso"), [
    ("2024-05-05T10:00:00", CHICAGO, "2024-05-05T10:00:00-05:00"),  # daylight saving time
    ("2024-01-05 10:00", CHICAGO, "2024-01-05T10:00:00-06:00"),
    ("2024-05-05 10:00", UTC, "2024-05-05T10:00:00+00:00"),
    ("2024-05-05T10:00:00+02:00", CHICAGO, "2024-05-05T10:00:00+02:00"),  # its own offset wins
    ("2024-05-05", CHICAGO, "2024-05-05"),
    ("2024-05", CHICAGO, "2024-05"),
])
def test_iso_in_gives_a_naive_time_the_site_offset(text: str, tz, iso: str) -> None:
    """For `<time datetime>` and JSON-LD a time written without an offset gets the site zone's offset at that
    moment; dates and times with their own offset are unchanged."""
    assert parse_when(text).iso_in(tz) == iso


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("2024-13", "not a real date"),
        ("2024-02-30", "not a real date"),
        ("2024-07-05T25:00", "not a real date"),
        ("July 2024", "not a date"),
        ("24-07", "not a date"),
        ("2024-07-05T10:00+25:00", "out of range"),
        ("", "not a date"),
    ],
)
def test_bad_dates_say_what_is_accepted(text: str, needle: str) -> None:
    """Impossible days and unknown forms are refused with a message naming the problem."""
    with pytest.raises(ValueError, match=needle):
        parse_when(text)


def test_non_text_values_are_refused() -> None:
    """A list or a number where a date belongs is a type error, not a guess."""
    with pytest.raises(ValueError, match="expected a date"):
        parse_when(["2024"])
    with pytest.raises(ValueError, match="expected a date"):
        parse_when(2024)


def test_python_dates_are_accepted() -> None:
    """Python callers may pass date and datetime objects."""
    assert parse_when(date(2024, 1, 2)).precision == "day"
    moment = datetime(2024, 1, 2, 3, 4, tzinfo=UTC)
    assert parse_when(moment).moment == moment


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2024-02-15", datetime(2024, 2, 16, tzinfo=UTC)),
        ("2024-02", datetime(2024, 3, 1, tzinfo=UTC)),
        ("2024-12", datetime(2025, 1, 1, tzinfo=UTC)),
        ("2024", datetime(2025, 1, 1, tzinfo=UTC)),
        ("2024-02-15T12:00:00+00:00", datetime(2024, 2, 15, 12, tzinfo=UTC)),
    ],
)
def test_a_period_ends_after_its_last_day(text: str, end: datetime) -> None:
    """A day lasts until the next midnight, a month until the 1st of the next; a moment ends at itself."""
    assert parse_when(text).end(UTC) == end


def test_sort_key_orders_by_day_then_time() -> None:
    """Dates sort by day; a time on the same day sorts after the bare date."""
    texts = ["2024-05-01T09:00", "2024-04", "2024-05-01", "2023"]
    ordered = sorted(texts, key=lambda t: parse_when(t).sort_key())
    assert ordered == ["2023", "2024-04", "2024-05-01", "2024-05-01T09:00"]


def test_pinned_clock_starts_at_midnight_in_the_site_zone() -> None:
    """With `today` pinned, now is the start of that day in the configured zone."""
    clock = Clock.for_site("America/Chicago", date(2025, 1, 15))
    assert clock.now == datetime(2025, 1, 15, tzinfo=CHICAGO)
    assert clock.today == date(2025, 1, 15)


def test_clock_decides_with_the_zone() -> None:
    """The same deadline day is over in one zone and not yet in another at the same instant."""
    deadline = parse_when("2025-01-15")
    instant = datetime(2025, 1, 16, 3, 0, tzinfo=UTC)  # 21:00 on the 15th in Chicago
    assert Clock(UTC, instant).is_over(deadline)
    assert not Clock(CHICAGO, instant).is_over(deadline)


def test_unpinned_clock_is_now() -> None:
    """Without a pinned day the clock reads the current time (within the test's own run)."""
    before = datetime.now(UTC)
    clock = Clock.for_site("UTC")
    assert before <= clock.now <= datetime.now(UTC) + timedelta(seconds=1)


def test_zone_names() -> None:
    """UTC and IANA names are time zones; anything else is a clear error."""
    assert zone_named("utc") is UTC
    assert zone_named("Europe/Berlin") == ZoneInfo("Europe/Berlin")
    with pytest.raises(ValueError, match="not a time zone name"):
        zone_named("Mars/Olympus")
    with pytest.raises(ValueError, match="not a time zone name"):
        zone_named("../../etc/passwd")


def test_when_is_a_plain_value() -> None:
    """Two dates written the same way are equal and hashable (they can key caches)."""
    assert parse_when("2024-07") == When(date(2024, 7, 1), "month", None, "2024-07")
    assert len({parse_when("2024-07"), parse_when("2024-07")}) == 1
    assert parse_when("2024-07-05T10:00+01:00").moment == datetime(2024, 7, 5, 10, tzinfo=timezone(timedelta(hours=1)))
