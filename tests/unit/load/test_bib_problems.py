"""Malformed BibTeX: each kind of slip gives one diagnostic at the right line, and every other entry survives."""

from __future__ import annotations

import pytest

from labbook.diagnostics import Report, Severity
from labbook.load.bibtex import decode_bib_bytes, merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication

GOOD_AFTER = "\n@article{after,\n  title = {After},\n  author = {Doe, Jane},\n  year = {2021}\n}\n"


def load(text: str) -> tuple[list[str], Report]:
    """Keys of the publications built from ``text``, and the report."""
    report = Report()
    raws = merge_and_resolve([parse_bibtex(text, "pubs.bib", report)], report)
    pubs = [build_publication(raw, i, report) for i, raw in enumerate(raws)]
    return [p.key for p in pubs], report


def only(report: Report, code: str):
    found = [d for d in report if d.code == code]
    assert len(found) == 1, [d.format_text() for d in report]
    return found[0]


# (name, source, code, line, words in the message, keys that must survive)
CASES = [
    ("missing closing brace",
     "@article{a1,\n  title = {Good {one},\n  author = {Doe, Jane},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-unclosed", 2, "the value of 'title' opens a '{' that is never closed, so it runs into the next entry",
     ["after"]),
    ("file ends inside an entry",
     "@article{a0, title = {Zero}, author = {Doe, J}, year = 2019}\n@article{a1,\n  title = {Open\n",
     "bib-unclosed", 3, "the value of 'title' opens a '{' that is never closed, so the file ended inside it",
     ["a0"]),
    ("extra closing brace loses a field",
     "@article{a1,\n  title = {Good}},\n  author = {Doe, Jane},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-stray-text", 3, "extra '}'", ["a1", "after"]),
    ("entry without a key",
     "@article{\n  title = {No key},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-no-key", 1, "without a key", ["after"]),
    ("entry with an empty key",
     "@article{,\n  title = {No key},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-no-key", 1, "without a key", ["after"]),
    ("keyless entry right before another",
     "@article{a1, title = {One}, author = {Doe, J}, year = 2020}@misc{" + GOOD_AFTER,
     "bib-no-key", 1, "'@article{after' after its brace is not a key", ["a1", "after"]),
    ("junk text with @ between entries",
     "@article{a1, title = {One}, author = {Doe, J}, year = 2020}\n"
     "Write to me at someone@example.org for copies.\n" + GOOD_AFTER,
     "bib-stray-at", 2, "'@example.org for copies.' does not start an entry", ["a1", "after"]),
    ("undefined macro",
     "@article{a1,\n  title = {One},\n  author = {Doe, J},\n  journal = jmlr,\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-undefined-macro", 4, "undefined string macro 'jmlr'", ["a1", "after"]),
    ("%-line inside an entry",
     "@article{a1,\n  title = {One},\n  % note = {draft},\n  author = {Doe, J},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-comment-in-entry", 3, "%-comments between its fields", ["a1", "after"]),
    ("non-numeric year",
     "@article{a1,\n  title = {One},\n  author = {Doe, J},\n  year = {to appear}\n}\n" + GOOD_AFTER,
     "bib-bad-year", 4, "'to appear', which is not a number", ["a1", "after"]),
    ("duplicate key (case-insensitive)",
     "@article{a1, title = {One}, author = {Doe, J}, year = 2020}\n"
     "@article{A1, title = {Two}, author = {Doe, J}, year = 2020}\n" + GOOD_AFTER,
     "bib-duplicate-key", 2, "already used at pubs.bib:1", ["a1", "after"]),
    ("duplicate field with another value",
     "@article{a1,\n  title = {One},\n  title = {Uno},\n  author = {Doe, J},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-duplicate-field", 3, "repeats field 'title' with a different value", ["a1", "after"]),
    ("missing comma between fields",
     "@article{a1,\n  title = {One}\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-syntax", 1, "a ',' is missing before the field on line 3", ["after"]),
    ("field without '='",
     "@article{a1,\n  title {One},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-syntax", 1, "no '=' after it", ["after"]),
    ("key with a space",
     "@article{my key,\n  title = {One},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-syntax", 1, "the key 'my key' contains a space", ["after"]),
    ("entry type missing",
     "@{a1, title = {One}}\n" + GOOD_AFTER,
     "bib-stray-at", 1, "does not start an entry", ["after"]),
    ("unsafe link",
     "@article{a1,\n  title = {One},\n  author = {Doe, J},\n  year = 2020,\n  url = {javascript:alert(1)}\n}\n"
     + GOOD_AFTER,
     "bib-unsafe-url", 5, "is left out", ["a1", "after"]),
    ("missing title",
     "@article{a1,\n  author = {Doe, J},\n  year = 2020\n}\n" + GOOD_AFTER,
     "bib-missing-title", 1, "has no title", ["a1", "after"]),
]


@pytest.mark.parametrize(("name", "source", "code", "line", "words", "survivors"), CASES, ids=[c[0] for c in CASES])
def test_each_slip_is_one_clear_diagnostic(name, source, code, line, words, survivors) -> None:
    """The slip is reported once with its code, line and an explanation; the listed entries still load."""
    keys, report = load(source)
    diagnostic = only(report, code)
    assert diagnostic.line == line
    assert words in diagnostic.message
    assert diagnostic.hint
    assert keys == survivors


def test_every_diagnostic_line_is_inside_the_file() -> None:
    """No case reports a line past the end of its source."""
    for _name, source, *_ in CASES:
        _keys, report = load(source)
        last = source.count("\n") + 1
        assert all(0 <= d.line <= last for d in report), [d.format_text() for d in report]


def test_windows_1252_file_is_read_with_a_warning() -> None:
    """A cp1252 file is decoded (curly quotes and accents right) and the first bad byte's line is named."""
    data = "@article{a1,\n  title = {Café “quoted”},\n  author = {Doe, J},\n  year = 2020\n}\n"
    report = Report()
    text = decode_bib_bytes(data.encode("cp1252"), "pubs.bib", report)
    keys, _ = load(text)
    warning = only(report, "bib-encoding")
    assert warning.line == 2 and warning.severity is Severity.WARNING
    assert "Café “quoted”" in text
    assert keys == ["a1"]


def test_same_value_twice_is_only_a_notice() -> None:
    """A field repeated with the same value loses nothing: an info, not a warning."""
    _keys, report = load("@article{a1, title = {One}, title = {One}, author = {Doe, J}, year = 2020}\n")
    assert only(report, "bib-duplicate-field").severity is Severity.INFO


def test_percent_in_a_value_is_kept() -> None:
    """A '%' inside a braced value is text, not a comment: nothing is blanked and nothing is reported."""
    text = "@article{a1,\n  title = {Gains of 50\n% or more},\n  author = {Doe, J},\n  year = 2020\n}\n"
    report = Report()
    entries = parse_bibtex(text, "pubs.bib", report)
    assert entries[0].get("title") == "Gains of 50 % or more"
    assert not report.problems


def test_commented_out_entry_is_skipped_with_a_notice() -> None:
    """An entry on a %-line is what its author meant to hide: skipped, with an info (bibtex would read it)."""
    keys, report = load("%@article{old, title = {Old}, author = {Doe, J}, year = 2001}\n" + GOOD_AFTER)
    assert keys == ["after"]
    assert only(report, "bib-commented-out").line == 1
    assert not report.problems


def test_plain_text_between_entries_is_a_silent_comment() -> None:
    """BibTeX ignores text between entries; prose without '@' or 'name = value' is not reported."""
    text = "Papers of the lab, newest first.\n\n" + GOOD_AFTER + "\nThat is all (for now).\n"
    keys, report = load(text)
    assert keys == ["after"]
    assert not list(report)


def test_records_read_counts_every_entry_found() -> None:
    """Good and malformed entries are counted as read; @string, @comment and commented-out ones are not."""
    text = ("@string{j = {Journal}}\n@comment{nothing here}\n%@article{old, title={x}}\n"
            "@article{bad,\n  title = {One}\n  year = 2020\n}\n" + GOOD_AFTER)
    report = Report()
    parse_bibtex(text, "pubs.bib", report)
    assert report.read == {"pubs.bib": 2}


def test_several_comment_lines_are_one_warning() -> None:
    """All %-lines of one entry are named in a single warning, at the first of them."""
    text = "@article{a1,\n  % one\n  title = {One},\n  % two\n  author = {Doe, J},\n  year = 2020, % three\n}\n"
    keys, report = load(text)
    warning = only(report, "bib-comment-in-entry")
    assert (warning.line, keys) == (2, ["a1"])
    assert "lines 2, 4, 6" in warning.message


def test_unclosed_entry_without_a_culprit_field_points_at_the_entry() -> None:
    """When no single field is to blame (the closing brace of the entry itself is missing), the entry's line."""
    keys, report = load("@article{a1,\n  title = {One},\n  year = 2020\n\n@article{a2, title = {Two}}\n")
    found = only(report, "bib-unclosed")
    assert (found.line, keys) == (1, ["a2"])
    assert "runs into the next entry (line 5)" in found.message
