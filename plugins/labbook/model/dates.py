"""Dates in data files: a year, a month, a day, or a moment, read from the text the user wrote.

The YAML loader keeps every scalar as text, so ``2024-07`` stays "July 2024" instead of becoming a number or a
guessed day. A :class:`When` remembers how precise the date is, which decides how it is shown ("July 2024")
and when it is over (the end of July). Dates and times written without a UTC offset are read in the site's
``timezone`` option (UTC by default) whenever they are compared with the current time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Annotated, Any, Literal

from pydantic import PlainValidator

Precision = Literal["year", "month", "day"]

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# YAML's timestamp forms and ISO 8601: "2024-05-01T14:00:00-05:00", "2024-05-01 14:00 +02", "...Z".
_MOMENT = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?"
    r"[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$"
)
FORMATS = "YYYY, YYYY-MM, YYYY-MM-DD or a date and time such as 2024-05-01T14:00:00-05:00"
#: The years a date may have: the same as BibTeX years. The end of a period, a time zone's offset and the
#: calendar's VTIMEZONE years must all fit in what Python's dates can hold (years 1 to 9999).
MIN_YEAR, MAX_YEAR = 1500, 2999


@dataclass(frozen=True, slots=True)
class When:
    """A date as precise as it was written.

    Attributes:
        day: the first day of the period (1 January for a year, the 1st for a month).
        precision: ``year``, ``month`` or ``day``.
        moment: the date and time, when a time was written; aware when it carried a UTC offset, naive
            otherwise (then it is read in the site's time zone).
        text: what the user wrote.
    """

    day: date
    precision: Precision
    moment: datetime | None = None
    text: str = ""

    @property
    def year(self) -> int:
        """The year."""
        return self.day.year

    def start(self, tz: tzinfo) -> datetime:
        """The instant the period begins (the moment itself when a time was given)."""
        if self.moment is not None:
            return self.moment if self.moment.tzinfo is not None else self.moment.replace(tzinfo=tz)
        return datetime.combine(self.day, time(0), tzinfo=tz)

    def end(self, tz: tzinfo) -> datetime:
        """The instant the period is over: the moment itself, or midnight after the last day of the period.

        A deadline of ``2025-01-15`` is therefore open until the end of that day in ``tz``, and a talk dated
        ``2024-04`` counts as upcoming until April is over.
        """
        if self.moment is not None:
            return self.start(tz)
        if self.precision == "day":
            last = self.day
        elif self.precision == "month":
            last = self.day.replace(day=calendar.monthrange(self.day.year, self.day.month)[1])
        else:
            last = self.day.replace(month=12, day=31)
        return datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)

    def sort_key(self) -> tuple[int, int]:
        """Orders dates by day, then by time of day (a date without a time sorts first on its day)."""
        seconds = -1
        if self.moment is not None:
            seconds = self.moment.hour * 3600 + self.moment.minute * 60 + self.moment.second
        return (self.day.toordinal(), seconds)

    @property
    def iso(self) -> str:
        """ISO 8601 at the written precision: ``2024``, ``2024-04``, ``2024-04-12`` or a full date-time."""
        if self.moment is not None:
            return self.moment.isoformat()
        if self.precision == "year":
            return f"{self.day.year:04d}"
        if self.precision == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return self.day.isoformat()

    def iso_in(self, tz: tzinfo) -> str:
        """:attr:`iso`, with a time written without a UTC offset given the offset of ``tz`` at that moment
        (``2024-05-05T10:00:00-05:00`` in America/Chicago), so machines read the instant the site means."""
        if self.moment is not None and self.moment.tzinfo is None:
            return self.moment.replace(tzinfo=tz).isoformat()
        return self.iso

    @property
    def label(self) -> str:
        """How the date is shown: ``2024``, ``April 2024``, ``12 April 2024`` or ``12 April 2024, 14:00 UTC-05:00``."""
        if self.precision == "year":
            return str(self.day.year)
        month = calendar.month_name[self.day.month]
        if self.precision == "month":
            return f"{month} {self.day.year}"
        text = f"{self.day.day} {month} {self.day.year}"
        if self.moment is not None:
            text += f", {self.moment:%H:%M}"
            offset = self.moment.utcoffset()
            if offset is not None:
                text += " UTC" if not offset else f" UTC{_offset_text(offset)}"
        return text

    @property
    def short_label(self) -> str:
        """A compact form for lists: ``2024``, ``Apr 2024``, ``12 Apr 2024``."""
        if self.precision == "year":
            return str(self.day.year)
        month = calendar.month_abbr[self.day.month]
        if self.precision == "month":
            return f"{month} {self.day.year}"
        return f"{self.day.day} {month} {self.day.year}"


@dataclass(frozen=True, slots=True)
class Clock:
    """The build's idea of "now", in the site's time zone: what decides open/closed and upcoming/past."""

    tz: tzinfo
    now: datetime

    @classmethod
    def for_site(cls, timezone_name: str = "UTC", today: date | None = None) -> Clock:
        """The clock of a site: the current instant, or the start of ``today`` when it is pinned.

        Raises ``ValueError`` for a time zone name that is not in the IANA database.
        """
        tz = zone_named(timezone_name)
        now = datetime.combine(today, time(0), tzinfo=tz) if today is not None else datetime.now(tz)
        return cls(tz, now)

    @property
    def today(self) -> date:
        """The current date in the site's time zone."""
        return self.now.astimezone(self.tz).date()

    def is_over(self, when: When) -> bool:
        """True once the period of ``when`` has ended (see :meth:`When.end`)."""
        return when.end(self.tz) <= self.now


def zone_named(name: str) -> tzinfo:
    """The time zone with IANA name ``name`` (``UTC``, ``America/Chicago``); ``ValueError`` when unknown."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if name.strip().upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{name}' is not a time zone name such as 'UTC' or 'America/Chicago'") from None


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def parse_when(value: Any) -> When:
    """Read a date from the text of a data file (or from a ``date``/``datetime``, for Python callers).

    Raises ``ValueError`` with the accepted formats when the text is not one of them or names a day that
    does not exist (``2024-02-30``).
    """
    if isinstance(value, When):
        return value
    if isinstance(value, date) and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"'{value.isoformat()}' is out of the supported range: the year must be from {MIN_YEAR}"
                         f" to {MAX_YEAR}")
    if isinstance(value, datetime):
        return When(value.date(), "day", value, value.isoformat())
    if isinstance(value, date):
        return When(value, "day", None, value.isoformat())
    if value is None:
        raise ValueError(f"the date is empty: write {FORMATS}")
    if not isinstance(value, str):
        raise ValueError(f"expected a date ({FORMATS}), not {type(value).__name__}")
    text = value.strip()
    if (m := re.match(r"(\d{4})(?!\d)", text)) and not MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        raise ValueError(f"'{text}' is out of the supported range: the year must be from {MIN_YEAR} to {MAX_YEAR}")
    try:
        if m := _YEAR.match(text):
            return When(date(int(m[1]), 1, 1), "year", None, text)
        if m := _MONTH.match(text):
            return When(date(int(m[1]), int(m[2]), 1), "month", None, text)
        if m := _DAY.match(text):
            return When(date(int(m[1]), int(m[2]), int(m[3])), "day", None, text)
        if m := _MOMENT.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            micro = int((m[7] or "0").ljust(6, "0"))
            moment = datetime(day.year, day.month, day.day, int(m[4]), int(m[5]), int(m[6] or 0), micro,
                              tzinfo=_zone(m[8]))
            return When(day, "day", moment, text)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a real date ({exc})") from None
    raise ValueError(f"'{text}' is not a date: write {FORMATS}")


def _zone(text: str | None) -> tzinfo | None:
    if not text:
        return None
    if text in {"Z", "z"}:
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"the UTC offset '{text}' is out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _parse_deadline(value: Any) -> When | Literal["rolling"]:
    if isinstance(value, str) and value.strip().casefold() == "rolling":
        return "rolling"
    try:
        return parse_when(value)
    except ValueError as exc:
        raise ValueError(f"{exc}, or 'rolling'") from None


#: A date field in a record (validated from the text the user wrote).
WhenField = Annotated[When, PlainValidator(parse_when)]
#: An opening's deadline: a date, a date and time, or ``rolling``.
DeadlineField = Annotated[When | Literal["rolling"], PlainValidator(_parse_deadline)]
