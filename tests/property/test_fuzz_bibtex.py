"""Property tests of BibTeX loading: no exception escapes, lines stay in the file, valid entries survive."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from labbook.diagnostics import Report
from labbook.load.bibtex import decode_bib_bytes, merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication
from tests.property.strategies import BIB_FRAGMENTS, bib_file, mutation

EXAMPLES = settings.default.max_examples


def load(text: str) -> tuple[list[str], Report]:
    report = Report()
    raws = merge_and_resolve([parse_bibtex(text, "x.bib", report)], report)
    return [build_publication(raw, i, report).key for i, raw in enumerate(raws)], report


def assert_lines_inside(report: Report, text: str) -> None:
    # YAML also breaks lines at a lone CR (and at NEL, LS, PS), as editors that show them do.
    last = len(re.findall(r"\r\n|[\r\n\x85\u2028\u2029]", text)) + 1
    for d in report:
        assert 0 <= d.line <= last, d.format_text()


@settings(max_examples=EXAMPLES, deadline=None)
@given(bib_file())
def test_valid_files_load_completely_and_cleanly(bib) -> None:
    """Every entry of a valid file loads, in order, and nothing is reported as a problem."""
    keys, report = load(bib.text)
    assert keys == bib.keys
    assert report.problems == [], [d.format_text() for d in report.problems]
    assert report.read == {"x.bib": len(bib.keys)}


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.data())
def test_one_edit_never_loses_the_other_entries(data) -> None:
    """After one random edit (a deleted run of characters or an inserted brace, quote, '@', '%', ...), loading
    never raises, every diagnostic is inside the file, and every entry the edit did not touch still loads."""
    bib = data.draw(bib_file())
    edit = data.draw(mutation(bib.text, BIB_FRAGMENTS))
    text = edit.apply(bib.text)
    keys, report = load(text)
    assert_lines_inside(report, text)
    untouched = [key for key, span in zip(bib.keys, bib.spans, strict=True) if not edit.touches(span)]
    missing = set(untouched) - set(keys)
    assert not missing, (missing, edit, [d.format_text() for d in report])


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    """Any bytes at all: decoded (UTF-8 or Windows-1252), parsed, and every diagnostic inside the file."""
    report = Report()
    text = decode_bib_bytes(data, "x.bib", report)
    _keys, report2 = load(text)
    assert_lines_inside(report, text)
    assert_lines_inside(report2, text)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.lists(st.sampled_from([*BIB_FRAGMENTS, "a", "k", " ", "1", "article", "title"]), max_size=80).map("".join))
def test_bibtex_shaped_noise_never_raises(text: str) -> None:
    """Text made of BibTeX's own punctuation and words: no exception, every line inside the file."""
    _keys, report = load(text)
    assert_lines_inside(report, text)
