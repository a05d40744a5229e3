"""The RFC 5545 checker used by the calendar tests rejects what it should (so its passes mean something)."""

from __future__ import annotations

import pytest

from tests.rfc5545 import check, text_ok

GOOD = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//y//EN",
    "BEGIN:VEVENT", "UID:a@b", "DTSTAMP:20250101T000000Z", "DTSTART;VALUE=DATE:20250102",
    "DTEND;VALUE=DATE:20250103", "SUMMARY:Hello\\, world", "END:VEVENT",
    "END:VCALENDAR",
]


def doc(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def replaced(old: str, new: str | None) -> list[str]:
    return [x for x in ((new if line == old else line) for line in GOOD) if x is not None]


def test_a_good_document_passes() -> None:
    """The minimal valid calendar above is accepted, with its one event."""
    assert len(check(doc(GOOD)).find("VEVENT")) == 1


@pytest.mark.parametrize(("old", "new", "message"), [
    ("SUMMARY:Hello\\, world", "SUMMARY:Hello, world", "unescaped TEXT"),
    ("DTSTAMP:20250101T000000Z", None, "exactly one DTSTAMP"),
    ("UID:a@b", None, "exactly one UID"),
    ("DTEND;VALUE=DATE:20250103", "DTEND;VALUE=DATE:20250101", "not after"),
    ("DTSTART;VALUE=DATE:20250102", "DTSTART;TZID=Europe/Paris:20250102T100000", "TZID Europe/Paris"),
    ("SUMMARY:Hello\\, world", "SUMMARY:" + "x" * 80, "longer than 75"),
    ("END:VEVENT", None, "END:VCALENDAR does not close"),
    ("VERSION:2.0", None, "exactly one VERSION"),
])
def test_broken_documents_fail(old: str, new: str | None, message: str) -> None:
    """Each broken rule is reported by name."""
    with pytest.raises(AssertionError, match=message):
        check(doc(replaced(old, new)))


def test_bare_lf_fails() -> None:
    """Lines must end with CRLF."""
    with pytest.raises(AssertionError):
        check(("\n".join(GOOD) + "\n").encode("utf-8"))


def test_text_escapes() -> None:
    """Escaped marks and newlines are fine; bare ones and unknown escapes are not."""
    assert text_ok("a\\, b\\; c\\\\ d\\n e")
    assert not text_ok("a, b") and not text_ok("a\\x") and not text_ok("end\\")
