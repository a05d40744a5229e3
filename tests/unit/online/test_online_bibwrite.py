"""Keys, entry text, the in-place .bib update, and the duplicate/upgrade index."""

from __future__ import annotations

from pathlib import Path

import pytest

from labbook.diagnostics import Report
from labbook.load.bibtex import parse_bibtex
from labbook.load.entries import build_publication
from labbook.online.bibfile import entry_span, read_text, updated_text, write_atomically
from labbook.online.bibindex import Bibliography, Paper, normal_title
from labbook.online.bibtex_out import author_field, work_entry
from labbook.online.keys import BadKeyPattern, check_key_pattern, make_key
from labbook.online.work import Contributor, Work


def work(**kwargs: object) -> Work:
    base = {"source": "crossref", "kind": "article", "venue_field": "journal", "venue": "Journal of Things",
            "title": "The Expressive Power of {LoRA}", "year": 2024, "month": 3, "doi": "10.1234/x",
            "authors": [Contributor("Zeng", "Yuchen"), Contributor("Lee", "Kangwook")]}
    return Work(**{**base, **kwargs})  # type: ignore[arg-type]


def test_default_key_is_author_year_first_significant_word() -> None:
    assert make_key(work(), "{author}{year}{title}", set()) == "zeng2024expressive"
    assert make_key(work(authors=[Contributor("Schölkopf", "B.")], title="On the Use of Things"),
                    "{author}{year}{title}", set()) == "scholkopf2024things"
    assert make_key(work(), "{Author}_{year}", set()) == "Zeng_2024"


def test_a_clash_gets_a_suffix() -> None:
    assert make_key(work(), "{author}{year}{title}", {"Zeng2024Expressive"}) == "zeng2024expressivea"
    assert make_key(work(), "{author}{year}{title}", {"zeng2024expressive", "zeng2024expressivea"}) \
        == "zeng2024expressiveb"


@pytest.mark.parametrize("pattern", ["{authr}{year}", "plain", "{author"])
def test_bad_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(BadKeyPattern):
        check_key_pattern(pattern)


def test_author_forms() -> None:
    assert author_field([Contributor("de With", "Peter H. N."), Contributor("Smith", "Amos B.", suffix="III"),
                         Contributor("ATLAS Collaboration", literal=True), Contributor("Sheherazade"),
                         Contributor("Ehtisham-ul-Haq")]) == \
        "de With, Peter H. N. and Smith, III, Amos B. and {ATLAS Collaboration} and Sheherazade and Ehtisham-ul-Haq"


def test_the_entry_reads_back_as_the_same_publication() -> None:
    """The written text goes through labbook's own loader: title, authors, venue, month all as meant."""
    text = work_entry(work(abstract=r"We show $x_1<y$ and 50\% more."), "zeng2024expressive")
    assert "  month    = mar,\n" in text and "  title    = {The Expressive Power of {LoRA}},\n" in text
    report = Report()
    (raw,) = parse_bibtex(text, "x.bib", report)
    publication = build_publication(raw, 0, report)
    assert not list(report)
    assert publication.title_text == "The Expressive Power of LoRA"
    assert [a.text for a in publication.authors] == ["Yuchen Zeng", "Kangwook Lee"]
    assert publication.month == 3 and publication.year == 2024


BIB = ("% my lab\n@string{j = {J}}\n\n@misc{old,\n  title = {A {B} c},\n  eprint = {2301.00001},\n"
       "  keywords = {x}\n}\n@article{other, title={T}, journal=j, year=2020}")


def test_append_leaves_the_rest_untouched_and_replace_swaps_one_entry() -> None:
    appended = updated_text(BIB, ["@misc{new,\n  title = {N}\n}\n"], {})
    assert appended.startswith(BIB) and appended.endswith("\n\n@misc{new,\n  title = {N}\n}\n")
    replaced = updated_text(BIB, [], {"old": "@article{old,\n  title = {Published}\n}\n"})
    assert replaced == BIB.replace(BIB[entry_span(BIB, "old")[0]:entry_span(BIB, "old")[1]],
                                   "@article{old,\n  title = {Published}\n}")
    assert "@article{other, title={T}, journal=j, year=2020}" in replaced


def test_windows_line_ends_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.bib"
    path.write_bytes(b"@misc{a,\r\n  title = {A}\r\n}\r\n")
    write_atomically(path, updated_text(read_text(path), ["@misc{b,\n  title = {B}\n}\n"], {}))
    assert path.read_bytes() == b"@misc{a,\r\n  title = {A}\r\n}\r\n\r\n@misc{b,\r\n  title = {B}\r\n}\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bib"]  # no temporary file left behind


def test_duplicates_by_doi_arxiv_any_version_and_title_year(tmp_path: Path) -> None:
    path = tmp_path / "p.bib"
    path.write_text(
        "@article{pub, title = {Deep {Things}}, doi = {https://doi.org/10.1234/ABC}, journal={J}, year = 2020}\n"
        "@misc{pre, title = {Shallow Things}, eprint = {2301.00001v2}, archivePrefix = {arXiv}, year = 2023}\n"
        "@misc{url, title = {Other}, url = {https://arxiv.org/abs/math/0211159}, year = 2002}\n", encoding="utf-8")
    bib = Bibliography.read([(path, "p.bib")])
    assert bib.find(Paper(doi="10.1234/abc")).key == "pub"
    assert bib.find(Paper(arxiv="2301.00001")).key == "pre"
    assert bib.find(Paper(arxiv="math/0211159")).key == "url"
    assert bib.find(Paper(title=normal_title("Deep things"), year=2020)).kind == "duplicate"
    assert bib.find(Paper(title=normal_title("Deep things"), year=2021)) is None
    # The published version of the preprint: an upgrade, found by title even a year later.
    upgrade = bib.find(Paper(doi="10.5555/new", title=normal_title("Shallow Things"), year=2024, published=True))
    assert (upgrade.kind, upgrade.key) == ("upgrade", "pre")
    assert bib.find(Paper(arxiv="2301.00001", published=False)).kind == "duplicate"
