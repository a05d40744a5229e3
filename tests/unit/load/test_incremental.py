"""Tests of labbook.load.incremental: loading through the memo gives what a fresh load gives."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from labbook.diagnostics import Report
from labbook.load.bibtex import RawEntry, merge_and_resolve, new_macro_table, read_bib_file
from labbook.load.entries import build_publication
from labbook.load.incremental import LoadMemo
from labbook.model.person import Person
from tests.conftest import shared_data

BIB = """\
% A lab's file
@string{jt = {Journal of Things}}

@article{a2024, title = {A}, author = {Lee, K.}, journal = jt, year = {2024}}

@article{b2023,
  title = {B},
  author = {Kim, Ana},
  journal = jt # { Letters},
  year = {2023}
}

@misc{noyear, title = {No year}, author = {X, Y}}

@inproceedings{child, title = {Child}, author = {Z, Q}, crossref = {parent}, year = 2020}
@proceedings{parent, title = {Parent Proceedings}, year = {2020}}
"""


def _entry(e: RawEntry) -> tuple:
    return (e.key, e.type, e.path, e.line, sorted((n, f.value, f.line) for n, f in e.fields.items()),
            sorted(e.inherited))


def fresh(path: Path) -> tuple[list[tuple], list]:
    report = Report()
    entries = merge_and_resolve([read_bib_file(path, "x.bib", report, new_macro_table())], report)
    return [_entry(e) for e in entries], list(report)


def memoized(memo: LoadMemo, path: Path) -> tuple[list[tuple], list]:
    memo.begin()
    report = Report()
    entries = merge_and_resolve([memo.read_bib(path, "x.bib", report, new_macro_table())], report)
    return [_entry(e) for e in entries], list(report)


@pytest.mark.parametrize("name", ["dealii_publications-2019.bib", "lengerichlab_papers.bib"])
def test_real_files_parse_the_same_in_chunks(name: str, tmp_path: Path) -> None:
    """Real .bib files (comments, @string, odd spacing) give the same entries and diagnostics."""
    path = tmp_path / "x.bib"
    path.write_bytes(shared_data("corpus", name).read_bytes())
    memo = LoadMemo()
    assert memoized(memo, path) == fresh(path)
    assert memoized(memo, path) == fresh(path)  # from the memo this time


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title = {B},", "title = {B, longer},\n  note = {two more\n lines},"),  # later entries move down
        ("jt = {Journal of Things}", "jt = {Journal of Other Things}"),  # a macro changes every user
        ("{Parent Proceedings}", "{Renamed Proceedings}"),  # the child inherits from its parent
        ("@misc{noyear, title = {No year}, author = {X, Y}}\n", ""),  # an entry goes
        ("title = {B},", "title = {B,"),  # an unclosed entry: parsed as a whole file, errors as usual
        ("journal = jt,", "journal = undefinedmacro,"),
    ],
)
def test_an_edit_gives_what_a_fresh_parse_gives(tmp_path: Path, old: str, new: str) -> None:
    """After an edit, entries (with their lines) and diagnostics equal a parse without the memo."""
    path = tmp_path / "x.bib"
    path.write_text(BIB, encoding="utf-8")
    memo = LoadMemo()
    memoized(memo, path)
    path.write_text(BIB.replace(old, new, 1), encoding="utf-8")
    assert memoized(memo, path) == fresh(path)
    path.write_text(BIB, encoding="utf-8")
    assert memoized(memo, path) == fresh(path)


def _pub_view(pub) -> tuple:  # type: ignore[no-untyped-def]
    return (pub.key, pub.slug, str(pub.title_html), pub.year, [(a.text, a.person_id) for a in pub.authors],
            pub.raw.line, pub.order)


def test_publications_from_the_memo_are_fresh_copies(tmp_path: Path) -> None:
    """A reused publication equals a freshly built one, diagnostics move with the entry, and linking the
    returned copy (as the catalog does) does not change what the memo hands out next."""
    path = tmp_path / "x.bib"
    path.write_text(BIB, encoding="utf-8")
    memo = LoadMemo()
    for text in (BIB, "%\n%\n" + BIB):  # the second load moves every entry two lines down
        path.write_text(text, encoding="utf-8")
        memo.begin()
        report, plain = Report(), Report()
        raws = merge_and_resolve([memo.read_bib(path, "x.bib", report, new_macro_table())], report)
        pubs = [memo.publication(raw, i, report) for i, raw in enumerate(raws)]
        expected = [build_publication(raw, i, plain) for i, raw in enumerate(raws)]
        assert [_pub_view(p) for p in pubs] == [_pub_view(p) for p in expected]
        assert [d for d in report if d.code == "bib-missing-year"] == list(plain)
        pubs[0].slug = "changed"
        pubs[0].authors[0].person_id = "someone"


def test_collections_are_reused_while_the_file_is_unchanged(tmp_path: Path) -> None:
    """The same records and diagnostics come back; an edited file is read again."""
    path = tmp_path / "people.yml"
    path.write_text("- id: a\n  name: A\n  role: phd\n- id: b\n  name: B\n  role: wizard\n", encoding="utf-8")
    memo = LoadMemo()
    results = []
    for _ in range(2):
        memo.begin()
        report = Report()
        people = memo.collection(path, "people.yml", Person, report)
        results.append(([p.id for p in people], [dataclasses.astuple(d) for d in report]))
    assert results[0] == results[1] and results[0][0] == ["a"] and len(results[0][1]) == 1
    path.write_text("- id: a\n  name: A\n  role: phd\n", encoding="utf-8")
    memo.begin()
    report = Report()
    assert [p.id for p in memo.collection(path, "people.yml", Person, report)] == ["a"] and not list(report)
