"""Tests of labbook.diagnostics: the three output formats and the records-read counts."""

from __future__ import annotations

import json

import pytest

from labbook.catalog.lab import Lab
from labbook.diagnostics import Diagnostic, RecordCount, Report, Severity, closest, did_you_mean, format_all


def sample() -> list[Diagnostic]:
    return [
        Diagnostic("data/people.yml", 7, 3, Severity.ERROR, "yaml-unknown-key", "unknown key 'roel'",
                   "did you mean 'role'?"),
        Diagnostic("data/publications.bib", 2, 0, Severity.WARNING, "bib-bad-year",
                   "entry 'a' has year 'soon', which is not a number"),
        Diagnostic("data/news.yml", 1, 0, Severity.INFO, "yaml-empty", "the file is empty: no records"),
    ]


def test_text_format_is_the_compiler_convention() -> None:
    """path:line:col: severity: message [code], then the hint indented; sorted by file and line."""
    assert format_all(sample(), "text").splitlines() == [
        "data/news.yml:1: info: the file is empty: no records [yaml-empty]",
        "data/people.yml:7:3: error: unknown key 'roel' [yaml-unknown-key]",
        "    hint: did you mean 'role'?",
        "data/publications.bib:2: warning: entry 'a' has year 'soon', which is not a number [bib-bad-year]",
    ]


def test_github_format_annotates_lines() -> None:
    """Workflow commands with file, line and column; ':' and ',' in properties and newlines are escaped."""
    lines = format_all(sample(), "github").splitlines()
    assert lines[0] == ("::notice file=data/news.yml,line=1,title=labbook yaml-empty::"
                        "the file is empty: no records [yaml-empty]")
    assert lines[1] == ("::error file=data/people.yml,line=7,col=3,title=labbook yaml-unknown-key::"
                        "unknown key 'roel' Hint: did you mean 'role'? [yaml-unknown-key]")
    odd = Diagnostic("a,b:c.bib", 0, 0, Severity.ERROR, "x", "two\nlines 100%")
    assert odd.format_github() == "::error file=a%2Cb%3Ac.bib,line=1,title=labbook x::two%0Alines 100%25 [x]"


def test_json_format_round_trips() -> None:
    """JSON is a list of objects with every field, severity as a string."""
    data = json.loads(format_all(sample(), "json"))
    assert [d["code"] for d in data] == ["yaml-empty", "yaml-unknown-key", "bib-bad-year"]
    assert data[1] == {"path": "data/people.yml", "line": 7, "column": 3, "severity": "error",
                       "code": "yaml-unknown-key", "message": "unknown key 'roel'", "hint": "did you mean 'role'?"}


def test_problems_leave_out_notices() -> None:
    """Only errors and warnings fail a strict build."""
    report = Report()
    report.extend(sample())
    assert [d.code for d in report.problems] == ["yaml-unknown-key", "bib-bad-year"]


def test_record_counts_compare_read_with_kept() -> None:
    """Every list the Lab holds is counted by file, so a skipped record shows as read but not used."""

    class Rec:
        def __init__(self, path: str) -> None:
            self.source_path = path

    report = Report()
    report.count_read("data/people.yml", 3)
    report.count_read("data/empty.yml", 0)
    lab = Lab(people=[Rec("data/people.yml"), Rec("data/people.yml")], report=report)  # type: ignore[list-item]
    counts = lab.record_counts()
    assert counts == [RecordCount("data/people.yml", 3, 2), RecordCount("data/empty.yml", 0, 0)]
    assert counts[0].format_text() == ("data/people.yml: 3 records read, 2 used, 1 skipped "
                                       "(see the problems reported for this file)")
    assert RecordCount("data/x.bib", 1, 1).format_text() == "data/x.bib: 1 record read, all used"


def test_closest_and_did_you_mean_share_one_rule() -> None:
    """The closest choice is found for a typo (and nothing for a word unlike every choice); the hint names it."""
    choices = ["title", "date", "speaker"]
    assert closest("titel", choices) == "title" and closest("spekaer", choices) == "speaker"
    assert closest("xyz", choices) is None and closest("titel", []) is None
    assert did_you_mean("titel", choices) == "did you mean 'title'?"
    assert did_you_mean("xyz", choices) == ""


_INJECTED = "bad\n::warning file=x.py,line=1::pwned\r\n::add-mask::x \x1b[2K\x00 \u2028 \u202e \ud800 \ufffe"


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_data_in_a_diagnostic_cannot_write_its_own_log_line(fmt: str) -> None:
    """Item 7 of issue 10: a newline or control character from a data value, in the message, the hint or
    the path, never starts a line of its own (no ``::warning`` / ``::add-mask::`` workflow command, no
    terminal escape) in any format, and every format can be encoded as UTF-8 (no lone surrogate)."""
    d = Diagnostic("data/a\nb.yml", 3, 0, Severity.ERROR, "x", _INJECTED, hint="h\n::error::y")
    out = format_all([d], fmt)
    out.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate
    lines = out.splitlines()
    assert not any(line.lstrip().startswith("::") and i > 0 for i, line in enumerate(lines))
    if fmt == "text":
        assert len(lines) == 2 and lines[1].startswith("    hint: ")
    if fmt == "github":
        assert len(lines) == 1 and lines[0].startswith("::error file=")
    assert not any(ch in out for ch in "\x1b\x00\r\u2028\u202e\ufffe")
    if fmt == "json":
        assert json.loads(out)[0]["message"].startswith("bad\\n::warning")


def test_record_counts_escape_the_path() -> None:
    """Item 7 of issue 10: the summary line names the file with its control characters escaped."""
    assert "\n" not in RecordCount("data/x\n::error::y.yml", 1, 1).format_text()
