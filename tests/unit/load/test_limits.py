"""Limits on how much text a small data file may expand into, and on the years of dates (item 5 of issue 10)."""

from __future__ import annotations

import time

import pytest

from labbook.diagnostics import Report
from labbook.load.bibtex import parse_bibtex
from labbook.load.yaml import parse_yaml
from labbook.model.dates import parse_when

#: The limits SECURITY.md promises (labbook.load.limits).
MAX_FIELD_CHARS, MIN_FILE_BUDGET = 100_000, 5_000_000


def _doubling(levels: int, seed: str = "x" * 64) -> str:
    text = f'@string{{s0 = "{seed}"}}\n'
    return text + "".join(f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, levels + 1))


def test_nested_string_concatenation_is_capped_quickly() -> None:
    """Item 5 of issue 10: 18 doubling @string lines (64 * 2**18 = 16 million characters; 40 lines would be
    70 terabytes, and unchecked they fill the memory) are refused at the first definition past the field
    limit, in well under a second, and the entries after them are still read."""
    bib = _doubling(18) + "@article{bomb, title = s18, year = 2020}\n@article{ok, title = {Fine}, year = 2021}\n"
    assert len(bib) < 2000
    report = Report()
    started = time.perf_counter()
    entries = parse_bibtex(bib, "b.bib", report)
    assert time.perf_counter() - started < 2
    assert [e.key for e in entries] == ["bomb", "ok"]
    assert all(len(f.value) <= MAX_FIELD_CHARS for e in entries for f in e.fields.values())
    too_large = [d for d in report if d.code == "bib-too-large"]
    assert len(too_large) == 1 and too_large[0].line == 12  # s11 = 64 * 2**11, the first past 100,000
    assert "the @string 's11' expands to more than 100,000 characters" in too_large[0].message


def test_a_field_past_the_limit_skips_its_entry_only() -> None:
    """Item 5 of issue 10: one field concatenating to more than the limit skips that entry, named."""
    bib = _doubling(10) + "@article{big,\n  title = s10 # s10,\n year = 2020}\n@article{ok, title = {Fine}}\n"
    report = Report()
    entries = parse_bibtex(bib, "b.bib", report)
    assert [e.key for e in entries] == ["ok"]
    assert [(d.line, d.code) for d in report] == [(12, "bib-too-large")]
    assert "field 'title' of entry 'big'" in report.items[0].message
    assert report.read["b.bib"] == 2


def test_a_file_expanding_past_its_budget_stops_with_an_error() -> None:
    """Item 5 of issue 10: many fields each under the limit still cannot make a small file huge."""
    bib = _doubling(10) + "".join(f"@misc{{k{i}, title = s10}}\n" for i in range(MIN_FILE_BUDGET // 65_000 + 5))
    report = Report()
    entries = parse_bibtex(bib, "b.bib", report)
    assert 0 < len(entries) < MIN_FILE_BUDGET // 65_000
    assert [d.code for d in report] == ["bib-too-large"]
    assert "the file expands to more than 5,000,000 characters" in report.items[0].message


def test_yaml_aliases_of_a_long_value_are_capped() -> None:
    """Item 5 of issue 10: a long scalar repeated by aliases counts every time it is used."""
    text = 'a: &a "' + "x" * 60_000 + '"\nb: [' + ", ".join(["*a"] * 150) + "]\n"
    report = Report()
    assert parse_yaml(text, "p.yml", report) is None
    assert [d.code for d in report] == ["yaml-too-large"]


@pytest.mark.parametrize("text", ["9999-12-31", "9999", "0001-01-01", "0001-01-01T00:00:00+05:00",
                                  "9999-12-31T23:59:00-05:00", "1499-12", "3000-01-01"])
def test_dates_outside_the_supported_years_are_errors(text: str) -> None:
    """Item 5 of issue 10: a date whose year is outside 1500-2999 is a ValueError with the range (which the
    loaders turn into a diagnostic), never an OverflowError later in the build."""
    with pytest.raises(ValueError, match="from 1500 to 2999"):
        parse_when(text)


def test_dates_inside_the_range_still_work() -> None:
    """The range holds every date a lab's data needs."""
    assert parse_when("1500-01-01").year == 1500
    assert parse_when("2999-12-31T23:59:00-12:00").year == 2999
