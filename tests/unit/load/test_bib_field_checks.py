"""Issue 10, items 9, 12 and 17: BibTeX slips that used to be reported confusingly or not at all."""

from __future__ import annotations

import pytest

from labbook.diagnostics import Report, Severity
from labbook.load.bibtex import merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication
from labbook.load.field_names import near_miss, read_boolean


def load(text: str):
    report = Report()
    raws = merge_and_resolve([parse_bibtex(text, "pubs.bib", report)], report)
    return [build_publication(raw, i, report) for i, raw in enumerate(raws)], report


def codes(report: Report) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.severity.value) for d in report]


def test_missing_final_brace_after_a_trailing_comma_is_unclosed_at_the_entry() -> None:
    """Item 9: `year = {2020},` then a blank line and the next entry: bib-unclosed at the entry's own line,
    not "a field name on line N has no '='" about the next entry; the next entry survives."""
    text = ("@article{first,\n  title = {One},\n  author = {Doe, Jane},\n  year = {2020},\n\n"
            "@article{second,\n  title = {Two},\n  author = {Doe, Jane},\n  year = {2021},\n}\n")
    pubs, report = load(text)
    assert [p.key for p in pubs] == ["second"]
    (diag,) = report.items
    assert (diag.code, diag.line) == ("bib-unclosed", 1)
    assert "entry 'first'" in diag.message and "runs into the next entry (line 6)" in diag.message
    assert "has no '='" not in diag.message


def test_missing_final_brace_in_a_parenthesised_entry_too() -> None:
    """Item 9, the same slip in an entry written with parentheses."""
    text = "@article(first,\n  title = {One},\n  year = {2020},\n@misc{second, title = {Two}, year = 2021}\n"
    pubs, report = load(text)
    assert [p.key for p in pubs] == ["second"]
    assert [(d.code, d.line) for d in report] == [("bib-unclosed", 1)]


@pytest.mark.parametrize(("written", "meant"), [
    ("jounral", "journal"), ("titel", "title"), ("yaer", "year"), ("booktile", "booktitle"),
    ("publsher", "publisher"), ("bibtexshow", "bibtex_show"), ("abstarct", "abstract"),
])
def test_misspelt_field_is_a_warning_with_did_you_mean(written: str, meant: str) -> None:
    """Item 12: a near-miss of a known field is reported at its line, with the field it was probably meant as."""
    text = f"@article{{k,\n  title = {{T}},\n  author = {{Doe, J}},\n  {written} = {{Value}},\n  year = 2020\n}}\n"
    _, report = load(text)
    (diag,) = [d for d in report if d.code == "bib-unknown-field"]
    assert diag.severity is Severity.WARNING and diag.line == 4
    assert f"'{written}'" in diag.message and f"did you mean '{meant}'?" in diag.hint


def test_venue_lost_to_a_misspelt_journal_is_reported() -> None:
    """Item 12: the example of the issue, `jounral`, which silently lost the venue."""
    pubs, report = load("@article{k, title = {T}, author = {Doe, J}, jounral = {Nature}, year = 2020}\n")
    assert pubs[0].venue_text == ""
    assert [d.code for d in report.problems] == ["bib-unknown-field"]


@pytest.mark.parametrize("name", ["hal_id", "informal_venue", "preprint", "cdate", "data", "paper", "demo",
                                  "timestamp", "biburl", "mendeley-tags", "issue_date", "numpages"])
def test_other_unknown_fields_are_not_slips(name: str) -> None:
    """Item 12: fields of real files that are not near-misses (from the corpus and al-folio sites) stay quiet."""
    assert near_miss(name) is None


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("True", True), ("{yes}", True), ("1", True),
                                                 ("false", False), ("no", False), ("", False), ("ture", None)])
def test_read_boolean(value: str, expected: bool | None) -> None:
    """Item 12: what counts as a boolean value."""
    assert read_boolean(value) is expected


def test_selected_that_is_not_a_boolean_is_a_warning() -> None:
    """Item 12: `selected = {ture}` used to unselect silently; now a warning with did-you-mean, read as false."""
    pubs, report = load("@article{k,\n  title = {T},\n  author = {Doe, J},\n  year = 2020,\n"
                        "  selected = {ture},\n  bibtex_show = {maybe}\n}\n")
    assert pubs[0].selected is False
    found = {d.line: d for d in report if d.code == "bib-bad-boolean"}
    assert sorted(found) == [5, 6]
    assert "did you mean 'true'?" in found[5].hint
    assert "neither true nor false" in found[6].message


def test_bare_true_and_false_in_boolean_fields_are_a_notice() -> None:
    """Item 17: al-folio's unbraced `bibtex_show = true` / `selected = false` is read, with an info notice each,
    instead of one undefined-macro error per entry."""
    text = ("@article{a,\n  title = {A},\n  author = {Doe, J},\n  year = 2020,\n  selected = true,\n"
            "  bibtex_show = TRUE\n}\n@article{b,\n  title = {B},\n  author = {Doe, J},\n  year = 2020,\n"
            "  selected = false\n}\n")
    pubs, report = load(text)
    assert [p.selected for p in pubs] == [True, False]
    assert report.problems == []
    assert codes(report) == [("bib-bare-boolean", 5, "info"), ("bib-bare-boolean", 6, "info"),
                             ("bib-bare-boolean", 12, "info")]
    assert pubs[0].raw.get("bibtex_show") == "true"


def test_bare_words_elsewhere_are_still_undefined_macros() -> None:
    """Item 17: only the boolean fields take a bare true/false; `note = true` is still an undefined macro, and
    an @string named true is still used."""
    _, report = load("@article{a, title = {A}, author = {Doe, J}, year = 2020, note = true}\n")
    assert [d.code for d in report.problems] == ["bib-undefined-macro"]
    pubs, report = load("@string{true = {yes}}\n@article{a, title = {A}, author = {Doe, J}, year = 2020,"
                        " selected = true}\n")
    assert pubs[0].selected is True and report.items == []
