"""The lab's talks as an iCalendar file (RFC 5545) that calendar apps can subscribe to.

Written with the icalendar package, which folds lines, escapes text and writes the VTIMEZONE blocks a TZID
needs; what is decided here is how a talk's date becomes an event:

- a date and time written with a UTC offset (``2024-04-12T15:30:00-05:00``) is that instant, written in UTC;
- a date and time without an offset is local time in the site's ``timezone`` (TZID plus its VTIMEZONE);
- a timed talk lasts :data:`DEFAULT_DURATION` (talks.yml has no end time);
- a day (``2024-04-12``) is an all-day event;
- a month or a year (``2024-04``) is an all-day event spanning that period, marked free (TRANSP:TRANSPARENT),
  so it shows the talk without blocking a subscriber's month.

Each event's UID is the talk's id at the site's host, so it stays the same from build to build.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from labbook.model.talk import Talk
from labbook.text.control_chars import strip_forbidden
from labbook.text.slugs import slugify

#: How long a talk with a start time is taken to last.
DEFAULT_DURATION = timedelta(hours=1)

#: The calendar's PRODID (RFC 5545 3.7.3).
PRODID = "-//labbook//Talks//EN"


@dataclass
class TalkDetails:
    """What an event says about a talk beyond its date, already as plain text (``url`` absolute or None)."""

    summary: str
    description: str = ""
    location: str = ""
    url: str | None = None
    categories: tuple[str, ...] = ()


def talk_uid(talk_id: str, site_url: str) -> str:
    """``talk-<id>@<host>``, with the site's path folded into the left part so that two labbook sites on one
    host (``example.github.io/lab-a/`` and ``/lab-b/``) never share a UID."""
    parts = urlsplit(site_url)
    path = slugify(parts.path.strip("/"), fallback="") if parts.path.strip("/") else ""
    return f"talk-{talk_id}{'.' + path if path else ''}@{parts.hostname or 'localhost'}"


def _span(talk: Talk) -> tuple[date, date]:
    when = talk.date
    if when.precision == "year":
        return when.day, date(when.day.year + 1, 1, 1)
    if when.precision == "month":
        last = calendar.monthrange(when.day.year, when.day.month)[1]
        return when.day, when.day.replace(day=last) + timedelta(days=1)
    return when.day, when.day + timedelta(days=1)


def talk_event(talk: Talk, details: TalkDetails, *, uid: str, stamp: datetime, tz: tzinfo) -> Event:
    """One VEVENT for ``talk``; ``tz`` is the site's time zone, ``stamp`` the DTSTAMP (an aware datetime)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    when = talk.date
    if when.moment is not None:
        start = when.moment if when.moment.tzinfo is not None else when.moment.replace(tzinfo=tz)
        if getattr(start.tzinfo, "key", "UTC") in {"UTC", "Etc/UTC"}:
            # A fixed offset written in the data ("-05:00") names no zone, so no TZID can carry it: the
            # instant is written in UTC. Local times in the site's named zone keep it (with a VTIMEZONE).
            start = start.astimezone(UTC)
        event.add("dtstart", start)
        event.add("dtend", start + DEFAULT_DURATION)
    else:
        first, after = _span(talk)
        event.add("dtstart", first)
        event.add("dtend", after)
        if when.precision != "day":
            event.add("transp", "TRANSPARENT")
    # Loaders remove control characters (reporting them); iCalendar text allows none, whatever the source.
    event.add("summary", strip_forbidden(details.summary))
    if details.description:
        event.add("description", strip_forbidden(details.description))
    if details.location:
        event.add("location", strip_forbidden(details.location))
    if details.url:
        event.add("url", details.url)
    if details.categories:
        event.add("categories", list(details.categories))
    return event


def talks_calendar(talks: Iterable[Talk], details: Callable[[Talk], TalkDetails], *, name: str, site_url: str,
                   stamp: datetime, tz: tzinfo) -> bytes:
    """The ``.ics`` document: one VEVENT per talk, plus a VTIMEZONE for the site's zone when an event uses it."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    talks = list(talks)
    for talk in talks:
        cal.add_component(talk_event(talk, details(talk), uid=talk_uid(talk.id, site_url), stamp=stamp, tz=tz))
    timed = [t.date.day for t in talks if t.date.moment is not None]
    if timed:
        # VTIMEZONE transitions only for the years the events need, which keeps the file small.
        cal.add_missing_timezones(first_date=date(min(timed).year - 1, 1, 1),
                                  last_date=date(max(timed).year + 2, 1, 1))
    return cal.to_ical()
