"""Reading .bib files: macros across files, crossref, encodings, and errors that keep their line."""

from __future__ import annotations

from pathlib import Path

from labbook.diagnostics import Report, Severity
from labbook.load.bibtex import decode_bib_bytes, merge_and_resolve, new_macro_table, parse_bibtex, read_bib_file
from tests.conftest import shared_data


def parse(text: str, path: str = "x.bib") -> tuple[list, Report]:
    report = Report()
    entries = merge_and_resolve([parse_bibtex(text, path, report)], report)
    return entries, report


def codes(report: Report) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in report]


def test_macro_defined_in_first_file_works_in_second() -> None:
    """Several files share one @string namespace, in order."""
    report, macros = Report(), new_macro_table()
    first = parse_bibtex("@string{colm = {Conference on Language Modeling}}\n", "a.bib", report, macros)
    second = parse_bibtex("@inproceedings{k, title={T}, booktitle=colm # { 2024}, year=2024}\n", "b.bib", report,
                          macros)
    assert first == []
    assert second[0].get("booktitle") == "Conference on Language Modeling 2024"
    assert not report.items


def test_month_macros_and_concatenation() -> None:
    """Bare month macros expand, and # joins strings and macros."""
    entries, report = parse('@string{pre = "Proc. of "}\n@article{k, title={T}, journal = pre # "X", month = jul}')
    assert entries[0].get("journal") == "Proc. of X"
    assert entries[0].get("month") == "July"
    assert not report.items


def test_crossref_inherits_missing_fields_and_parent_title_becomes_booktitle() -> None:
    """A child entry takes the parent's fields it lacks; the parent's title is the child's booktitle."""
    entries, report = parse(
        "@inproceedings{child, title={Child}, author={A B}, crossref={parent}}\n"
        "@proceedings{parent, title={Big Conf}, year={1999}, publisher={P}}\n"
    )
    child = entries[0]
    assert child.get("year") == "1999" and child.get("booktitle") == "Big Conf"
    assert child.get("title") == "Child"
    assert {"year", "booktitle", "publisher"} <= child.inherited
    assert not report.items


def test_missing_crossref_parent_is_an_error_and_entry_is_kept() -> None:
    """A crossref to a key that does not exist is reported at the crossref line; the entry stays."""
    entries, report = parse("@article{k,\n  title={T},\n  crossref={nope}\n}\n")
    assert [e.key for e in entries] == ["k"]
    assert codes(report) == [("bib-crossref", 3)]


def test_unbalanced_brace_reports_entry_line_and_keeps_the_others() -> None:
    """One entry with a missing brace is skipped with its line; entries before and after survive."""
    text = (
        "@article{good1, title={One}, year=2020}\n"
        "\n"
        "@article{bad, title={Two, year=2021}\n"
        "\n"
        "@article{good2, title={Three}, year=2022}\n"
    )
    entries, report = parse(text)
    assert [e.key for e in entries] == ["good1", "good2"]
    assert [d.line for d in report] == [3]
    assert report.items[0].severity is Severity.ERROR and "bad" in report.items[0].message


def test_entry_that_never_closes_at_end_of_file() -> None:
    """A last entry missing its closing brace is reported at its first line, not at the end of the file."""
    entries, report = parse("@article{a, title={A}}\n@article{b,\n title={B}\n\n\n")
    assert [e.key for e in entries] == ["a"]
    assert codes(report) == [("bib-unclosed", 2)]


def test_percent_line_inside_entry_points_at_that_line() -> None:
    """BibTeX has no comments inside entries: the %-line is skipped with a warning naming it; the entry is kept."""
    entries, report = parse("@article{a,\n  title={A},\n  % note to self\n  year=2020}\n@misc{b, title={B}}\n")
    assert [e.key for e in entries] == ["a", "b"]
    assert codes(report) == [("bib-comment-in-entry", 3)]
    assert "comment" in report.items[0].hint


def test_percent_comment_lines_between_entries_are_ignored() -> None:
    """A %-comment with an @ between entries (an e-mail address) is a comment, not an entry."""
    entries, report = parse("% contact: someone@example.org\n@misc{b, title={B}}\n")
    assert [e.key for e in entries] == ["b"]
    assert not report.items


def test_entry_without_key() -> None:
    """@article{ title = ...} has no key: reported with a hint, other entries kept."""
    entries, report = parse("@article{, title={No key}}\n@misc{b, title={B}}\n")
    assert [e.key for e in entries] == ["b"]
    assert [c for c, _ in codes(report)] == ["bib-no-key"]
    assert "key" in report.items[0].hint


def test_undefined_macro_is_reported_and_entry_kept() -> None:
    """An undefined @string macro is an error at its line; the entry renders without that value."""
    entries, report = parse("@article{a,\n  title={A},\n  journal = nosuchmacro,\n  year=2020}\n")
    assert [e.key for e in entries] == ["a"]
    assert codes(report) == [("bib-undefined-macro", 3)]


def test_duplicate_key_names_both_places_case_insensitively() -> None:
    """Keys compare as BibTeX compares them (case-insensitively); the second entry is skipped."""
    entries, report = parse("@misc{Lee2024, title={A}}\n\n@misc{lee2024, title={B}}\n")
    assert [e.get("title") for e in entries] == ["A"]
    assert codes(report) == [("bib-duplicate-key", 3)]
    assert "x.bib:1" in report.items[0].message


def test_duplicate_field_same_value_is_info_different_value_is_warning() -> None:
    """A repeated field with the same value loses nothing (info); with another value, the first wins (warning)."""
    entries, report = parse("@misc{a,\n title={A},\n note={n},\n note={n},\n year={1},\n year={2}}\n")
    assert entries[0].get("year") == "1"
    assert [(d.severity, d.line) for d in report] == [(Severity.INFO, 4), (Severity.WARNING, 6)]


def test_byte_order_mark_crlf_and_front_matter() -> None:
    """A UTF-8 BOM, Windows line ends and Jekyll front matter (---) before the first entry are all fine."""
    report = Report()
    text = decode_bib_bytes(b"\xef\xbb\xbf---\r\n---\r\n\r\n@misc{a,\r\n title={Caf\xc3\xa9}\r\n}\r\n", "x.bib", report)
    entries = parse_bibtex(text, "x.bib", report)
    assert entries[0].get("title") == "Café" and entries[0].line == 4
    assert not report.items


def test_windows_1252_file_is_read_and_reported() -> None:
    """A file that is not UTF-8 is read as Windows-1252 with a warning naming the first bad line."""
    report = Report()
    text = decode_bib_bytes(b"@misc{a,\n title={Caf\xe9}\n}\n", "x.bib", report)
    assert "Café" in text
    assert codes(report) == [("bib-encoding", 2)]


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    """A configured bibliography that does not exist is an error, not an exception."""
    report = Report()
    assert read_bib_file(tmp_path / "none.bib", "data/none.bib", report) == []
    assert codes(report) == [("bib-missing", 0)]


def test_field_lines_are_recorded() -> None:
    """Each field remembers the line its name is on, for diagnostics about that field."""
    entries, _ = parse("@article{a,\n  title = {A},\n\n  year = {2020}\n}\n")
    assert entries[0].line == 1
    assert entries[0].line_of("title") == 2 and entries[0].line_of("year") == 4


def test_al_folio_corpus_file_keeps_every_entry_and_notes_the_repeated_field() -> None:
    """The real al-folio papers.bib (front matter, repeated bibtex_show) gives all 29 entries."""
    report = Report()
    entries = read_bib_file(shared_data("corpus", "lengerichlab_papers.bib"), "papers.bib", report)
    assert len(entries) == 29
    assert [(d.code, d.severity) for d in report] == [("bib-duplicate-field", Severity.INFO)]
    assert any(e.key == "liu2025fastcache" for e in entries)


def test_dealii_corpus_file_reads_all_205_entries_cleanly() -> None:
    """The 205-entry deal.II list parses without a single diagnostic."""
    report = Report()
    entries = read_bib_file(shared_data("corpus", "dealii_publications-2019.bib"), "pubs.bib", report)
    assert len(entries) == 205
    assert not report.items
