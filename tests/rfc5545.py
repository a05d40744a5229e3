"""A strict, independent reading of iCalendar text (RFC 5545) for tests: written from the RFC, sharing no code
with the icalendar package that writes labbook's files.

:func:`check` returns the calendar's components as nested dicts and raises ``AssertionError`` naming the rule
broken: CRLF line ends, lines of at most 75 octets, balanced BEGIN/END, the properties each component must
have exactly once, well-formed DATE/DATE-TIME values, DTEND after DTSTART, escaped TEXT values, and a
VTIMEZONE for every TZID used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_DATE = re.compile(r"^\d{8}$")
_DATE_TIME = re.compile(r"^\d{8}T\d{6}Z?$")
_TEXT_PROPS = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "NAME", "X-WR-CALNAME"}


@dataclass
class Prop:
    """One content line: name, parameters and the raw value."""

    name: str
    params: dict[str, str]
    value: str


@dataclass
class Component:
    """A BEGIN/END block with its properties and sub-components."""

    name: str
    props: list[Prop] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def one(self, name: str) -> Prop:
        found = self.all(name)
        assert len(found) == 1, f"{self.name} must have exactly one {name}, has {len(found)}"
        return found[0]

    def get(self, name: str) -> Prop | None:
        found = self.all(name)
        assert len(found) <= 1, f"{self.name} has {len(found)} {name}"
        return found[0] if found else None

    def find(self, name: str) -> list[Component]:
        return [c for c in self.children if c.name == name]


def text_ok(value: str) -> bool:
    """In a TEXT value ";" and "," must be escaped, and a backslash may only start \\\\ \\; \\, \\n or \\N."""
    i = 0
    while i < len(value):
        if value[i] == "\\":
            if value[i + 1:i + 2] not in {"\\", ";", ",", "n", "N"}:
                return False
            i += 2
        elif value[i] in ";,":
            return False
        else:
            i += 1
    return True


def _split(line: str) -> Prop:
    # name *(";" param) ":" value, where parameter values may be quoted and contain ":" or ";".
    i, n = 0, len(line)
    while i < n and line[i] not in ";:":
        i += 1
    name = line[:i].upper()
    assert _NAME.match(name), f"bad property name in {line!r}"
    params: dict[str, str] = {}
    while i < n and line[i] == ";":
        j = line.index("=", i)
        key = line[i + 1:j].upper()
        k = j + 1
        if k < n and line[k] == '"':
            end = line.index('"', k + 1)
            value, k = line[k + 1:end], end + 1
        else:
            start = k
            while k < n and line[k] not in ";:":
                k += 1
            value = line[start:k]
        params[key] = value
        i = k
    assert i < n and line[i] == ":", f"no ':' after the name and parameters in {line!r}"
    return Prop(name, params, line[i + 1:])


def _check_time(prop: Prop, where: str) -> str:
    kind = prop.params.get("VALUE", "DATE-TIME")
    if kind == "DATE":
        assert _DATE.match(prop.value), f"{where}: {prop.name} {prop.value!r} is not a DATE"
    else:
        assert _DATE_TIME.match(prop.value), f"{where}: {prop.name} {prop.value!r} is not a DATE-TIME"
        assert not ("TZID" in prop.params and prop.value.endswith("Z")), f"{where}: TZID with a UTC time"
    return kind


def check(data: bytes) -> Component:
    """Read and check an iCalendar document; returns the VCALENDAR component."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "the document must end with CRLF"
    raw_lines = text[:-2].split("\r\n")
    for raw in raw_lines:
        assert "\n" not in raw and "\r" not in raw, f"bare LF or CR in {raw!r}"
        assert len(raw.encode("utf-8")) <= 75, f"line longer than 75 octets: {raw!r}"
    lines: list[str] = []
    for raw in raw_lines:  # unfold
        if raw[:1] in {" ", "\t"}:
            assert lines, "a continuation line cannot come first"
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    stack: list[Component] = []
    root: Component | None = None
    for line in lines:
        prop = _split(line)
        if prop.name == "BEGIN":
            comp = Component(prop.value.upper())
            if stack:
                stack[-1].children.append(comp)
            else:
                assert root is None, "more than one top-level component"
                root = comp
            stack.append(comp)
        elif prop.name == "END":
            assert stack and stack[-1].name == prop.value.upper(), f"END:{prop.value} does not close a BEGIN"
            stack.pop()
        else:
            assert stack, f"property outside any component: {line!r}"
            stack[-1].props.append(prop)
    assert not stack, f"unclosed {stack[-1].name}" if stack else ""
    assert root is not None and root.name == "VCALENDAR", "the document is not a VCALENDAR"
    assert root.one("VERSION").value == "2.0"
    root.one("PRODID")
    zones = {z.one("TZID").value for z in root.find("VTIMEZONE")}
    for zone in root.find("VTIMEZONE"):
        assert zone.find("STANDARD") or zone.find("DAYLIGHT"), "a VTIMEZONE needs STANDARD or DAYLIGHT"
    for comp in [root, *root.children]:
        for prop in comp.props:
            if prop.name in _TEXT_PROPS:
                assert text_ok(prop.value), f"unescaped TEXT in {prop.name}: {prop.value!r}"
            if "TZID" in prop.params:
                assert prop.params["TZID"] in zones, f"TZID {prop.params['TZID']} has no VTIMEZONE"
    uids = []
    for event in root.find("VEVENT"):
        uid = event.one("UID").value
        uids.append(uid)
        where = f"VEVENT {uid}"
        assert _DATE_TIME.match(event.one("DTSTAMP").value) and event.one("DTSTAMP").value.endswith("Z"), \
            f"{where}: DTSTAMP must be a UTC DATE-TIME"
        start = event.one("DTSTART")
        start_kind = _check_time(start, where)
        end = event.get("DTEND")
        assert not (end is not None and event.get("DURATION") is not None), f"{where}: DTEND and DURATION"
        if end is not None:
            assert _check_time(end, where) == start_kind, f"{where}: DTSTART and DTEND of different types"
            if start_kind == "DATE" or start.params.get("TZID") == end.params.get("TZID"):
                assert end.value > start.value, f"{where}: DTEND is not after DTSTART"
    assert len(set(uids)) == len(uids), "UIDs repeat"
    return root
