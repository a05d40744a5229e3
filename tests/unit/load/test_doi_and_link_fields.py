"""Issue 10, items 13 and 14: DOIs in every spelling, arXiv from eprint, TeX-wrapped links."""

from __future__ import annotations

import pytest

from labbook.diagnostics import Report
from labbook.exports._common import bare_doi
from labbook.exports.csl_json import publication_to_csl
from labbook.exports.scholar_meta import citation_meta
from labbook.load.bibtex import merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication
from labbook.text.doi import normalize_doi
from labbook.text.link_fields import eprint_arxiv_id, unwrap_tex_link


def load(fields: str):
    report = Report()
    text = f"@inproceedings{{k,\n  title = {{T}},\n  author = {{Doe, Jane}},\n  year = 2020,\n{fields}\n}}\n"
    raws = merge_and_resolve([parse_bibtex(text, "pubs.bib", report)], report)
    return build_publication(raws[0], 0, report), report


@pytest.mark.parametrize("value", [
    "10.1145/3292500.3330701", "http://doi.acm.org/10.1145/3292500.3330701",
    "https://dx.doi.org/10.1145/3292500.3330701", "https://doi.org/10.1145/3292500.3330701",
    "doi:10.1145/3292500.3330701", "DOI: 10.1145/3292500.3330701", "\\url{https://doi.org/10.1145/3292500.3330701}",
    "https://doi.org/10.1145%2F3292500.3330701",
])
def test_doi_spellings_become_the_bare_doi(value: str) -> None:
    """Item 14: resolver URLs (doi.org, dx.doi.org, doi.acm.org) and doi: prefixes are the same DOI."""
    assert normalize_doi(value) == "10.1145/3292500.3330701"


def test_doi_with_tex_escapes_and_odd_suffixes() -> None:
    """Item 14: TeX escapes are undone; suffixes may hold parentheses and other punctuation."""
    assert normalize_doi(r"10.1002/(SICI)1097-0258(19980815/30)17:15/16\_1661") == \
        "10.1002/(SICI)1097-0258(19980815/30)17:15/16_1661"
    assert normalize_doi("") == ""


@pytest.mark.parametrize("value", ["92--101", "https://icml.cc/2024", "10.1145", "ISBN 978-3-16-148410-0",
                                   "https://doi.org/", "javascript:alert(1)"])
def test_values_that_are_not_dois(value: str) -> None:
    """Item 14: page ranges, conference URLs and other text are not DOIs."""
    assert normalize_doi(value) is None


def test_doi_url_forms_give_one_doi_link_and_the_bare_doi_in_exports() -> None:
    """Item 14: `http://doi.acm.org/10.1145/...` is no longer glued onto https://doi.org/; the meta tag and
    CSL-JSON carry the bare DOI."""
    pub, report = load("  doi = {http://doi.acm.org/10.1145/3292500.3330701}")
    assert report.problems == []
    assert pub.link("doi") == "https://doi.org/10.1145/3292500.3330701"
    assert bare_doi(pub) == "10.1145/3292500.3330701"
    assert ("citation_doi", "10.1145/3292500.3330701") in citation_meta(pub)
    assert publication_to_csl(pub)["DOI"] == "10.1145/3292500.3330701"


@pytest.mark.parametrize("value", ["92--101", "https://icml.cc/Conferences/2024"])
def test_a_doi_field_that_is_not_a_doi_is_warned_and_left_out(value: str) -> None:
    """Item 14: no broken doi.org link, no citation_doi, no CSL-JSON DOI; a warning at the field's line."""
    pub, report = load(f"  doi = {{{value}}}")
    (diag,) = report.problems
    assert (diag.code, diag.line, diag.severity.value) == ("bib-bad-doi", 5, "warning")
    assert pub.link("doi") == "" and bare_doi(pub) == ""
    assert not any(name == "citation_doi" for name, _ in citation_meta(pub))
    assert "DOI" not in publication_to_csl(pub)


@pytest.mark.parametrize("fields", [
    "  eprint = {2503.01234},\n  archivePrefix = {arXiv}",
    "  eprint = {2503.01234},\n  archiveprefix = {arxiv},\n  primaryClass = {cs.LG}",
    "  eprint = {2503.01234},\n  primaryClass = {cs.LG}",
    "  eprint = {2503.01234},\n  eprinttype = {arxiv}",
])
def test_eprint_with_archive_prefix_is_an_arxiv_button(fields: str) -> None:
    """Item 13: the export format of arXiv, Scholar and Zotero gives an arXiv button, not a generic Link."""
    pub, report = load(fields + ",\n  url = {http://arxiv.org/abs/2503.01234v1}")
    assert report.problems == []
    assert [(lk.label, lk.url) for lk in pub.links] == [("arXiv", "https://arxiv.org/abs/2503.01234")]


def test_eprint_without_an_arxiv_prefix_is_not_arxiv() -> None:
    """Item 13: an eprint that is a publisher's PDF path, or of another archive, gives no arXiv button."""
    assert eprint_arxiv_id({"eprint": "/oup/backfile/x.pdf"}) == ""
    assert eprint_arxiv_id({"eprint": "2503.01234", "archiveprefix": "HAL"}) == ""
    assert eprint_arxiv_id({"eprint": "2503.01234"}) == ""
    pub, _ = load("  eprint = {2503.01234},\n  archivePrefix = {arXiv},\n  arxiv = {2401.00001}")
    assert pub.link("arxiv") == "https://arxiv.org/abs/2401.00001"


@pytest.mark.parametrize(("value", "expected"), [
    (r"\url{https://lab.example.org/p}", "https://lab.example.org/p"),
    (r"{\url{https://lab.example.org/p}}", "https://lab.example.org/p"),
    (r"\href{https://lab.example.org/a\_b}{the project}", "https://lab.example.org/a_b"),
    ("https://lab.example.org/p", "https://lab.example.org/p"),
])
def test_unwrap_tex_link(value: str, expected: str) -> None:
    """Item 13: \\url{} and \\href{}{} around a link are the address inside."""
    assert unwrap_tex_link(value) == expected


@pytest.mark.parametrize("name", ["website", "pdf", "code", "url", "html", "slides", "video"])
def test_url_and_href_are_unwrapped_in_every_link_field(name: str) -> None:
    """Item 13: `website = {\\url{https://...}}` used to be refused as not a URL."""
    pub, report = load(f"  {name} = {{\\url{{https://lab.example.org/x}}}},\n  note = {{n}}")
    assert report.problems == []
    assert pub.link(name) == "https://lab.example.org/x"
    pub, report = load(f"  {name} = {{\\href{{https://lab.example.org/y}}{{text}}}}")
    assert report.problems == [] and pub.link(name) == "https://lab.example.org/y"


def test_unwrapped_links_are_still_checked() -> None:
    """Item 13: unwrapping does not let a javascript: link through."""
    pub, report = load("  website = {\\url{javascript:alert(1)}}")
    assert [d.code for d in report.problems] == ["bib-unsafe-url"] and pub.links == []
