"""labbook.exports.citations, .ris and .social_meta: formatted citations are citeproc-py's own, data is
escaped, RIS reads back with rispy, share tags are escaped."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import rispy
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from labbook.exports.citations import DEFAULT_STYLES, StyleError, default_styles, format_citation, resolve_style
from labbook.exports.csl_json import publication_to_csl
from labbook.exports.ris import publication_to_ris, to_ris
from labbook.exports.social_meta import social_meta
from labbook.model.publication import Publication
from labbook.options import DEFAULT_CITE_STYLES
from tests.unit.exports.test_exports import SAMPLE, by_key, load

NUMERIC = {"ieee", "association-for-computing-machinery", "nature"}


@pytest.fixture(scope="module")
def pubs() -> list[Publication]:
    return list(by_key(load(SAMPLE)).values())


def citeproc_reference(item: dict, style_path: Path, numeric: bool) -> str:
    """What citeproc-py itself makes of ``item`` (a bibliography of one), with the leading "[1]"/"1." that a
    numeric style puts before its only entry dropped, as labbook documents."""
    import re

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(CitationStylesStyle(str(style_path), validate=False),
                                         CiteProcJSON([item]), formatter.html)
        bib.register(Citation([CitationItem(item["id"])]))
        text = str(bib.bibliography()[0])
    return re.sub(r"^\s*(?:\[1\]|1\.)\s*", "", text).strip() if numeric else text.strip()


def test_the_bundled_styles_are_the_option_defaults() -> None:
    """The option's default list and the labelled styles agree, and every one resolves to a shipped file."""
    assert list(DEFAULT_STYLES) == DEFAULT_CITE_STYLES
    styles = default_styles()
    assert [s.label for s in styles] == ["APA", "IEEE", "Chicago", "ACM", "Nature"]
    assert all(s.path.is_file() and s.path.suffix == ".csl" for s in styles)


@pytest.mark.parametrize("name", DEFAULT_CITE_STYLES)
def test_formatted_citations_are_citeprocs_own_output(pubs: list[Publication], name: str) -> None:
    """For every sample entry (names without hyphens or markup characters), labbook's HTML is exactly
    citeproc-py's for the same CSL-JSON item and style."""
    style = resolve_style(name, Path("."))
    plain = [p for p in pubs if not _needs_guard(publication_to_csl(p))]
    assert len(plain) >= 4
    for pub in plain:
        expected = citeproc_reference(publication_to_csl(pub), style.path, numeric=name in NUMERIC)
        assert str(format_citation(pub, style)) == expected, pub.key


def _needs_guard(item: dict) -> bool:
    """Whether labbook changes the item before citeproc-py sees it (markup characters, hyphenated given names)."""
    text = json.dumps(item, ensure_ascii=False)
    return any(ch in text for ch in "<>&") or any("-" in n.get("given", "") for n in item.get("author", []))


def test_known_strings_for_two_styles(pubs: list[Publication]) -> None:
    """A readable spot check: an APA and an IEEE entry as a reader would see them."""
    pub = next(p for p in pubs if p.key == "lee2023conf")
    apa = BeautifulSoup(str(format_citation(pub, resolve_style("apa", Path(".")))), "html.parser").get_text()
    ieee = BeautifulSoup(str(format_citation(pub, resolve_style("ieee", Path(".")))), "html.parser").get_text()
    assert apa.startswith("Lee, K., & García, A. (2023). Learning Things.")
    assert ieee.startswith("K. Lee and A. García, “Learning Things,”") or ieee.startswith("K. Lee and A. García,")
    assert not ieee.startswith("[1]")


def test_markup_characters_in_data_are_escaped() -> None:
    """citeproc-py copies data into its HTML unescaped; labbook's output never contains the data's markup."""
    pub = load(r"@article{x, title = {On <script>alert(1)</script> \& Co}, author = {Doe, Jane},"
               r" journal = {J}, year = 2024}")[0]
    for style in default_styles():
        html = str(format_citation(pub, style))
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert "&amp; Co" in html


def test_hyphenated_given_names_are_initialised_cleanly() -> None:
    """citeproc-py makes "J.-. yong ." of "Jy-yong"; labbook's output has a clean initial."""
    pub = load(r"@article{x, title = {T}, author = {Sohn, Jy-yong}, journal = {J}, year = 2024}")[0]
    apa = str(format_citation(pub, resolve_style("apa", Path("."))))
    assert apa.startswith("Sohn, J. (2024)") and "yong ." not in apa


def test_a_lab_can_use_its_own_csl_file(tmp_path: Path, pubs: list[Publication]) -> None:
    """A .csl path relative to the site's folder works and takes its label from the style's title."""
    source = resolve_style("apa", Path(".")).path.read_text(encoding="utf-8")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "our-style.csl").write_text(source.replace(
        "<title>APA Style 7th edition</title>", "<title>Our House Style</title>"),
        encoding="utf-8")
    style = resolve_style("styles/our-style.csl", tmp_path)
    assert style.label == "Our House Style" and style.key == "our-style"
    assert str(format_citation(pubs[0], style))


@pytest.mark.parametrize("spec", ["no-such-style-at-all", "missing/file.csl"])
def test_unusable_styles_are_clear_errors(tmp_path: Path, spec: str) -> None:
    with pytest.raises(StyleError, match="citation style"):
        resolve_style(spec, tmp_path)


def test_ris_reads_back_with_rispy(pubs: list[Publication]) -> None:
    """/publications.ris parses with rispy; types, names, pages and DOI survive; no "1." record headers."""
    text = to_ris(pubs)
    assert not text.lstrip().startswith("1.")
    records = {r["id"]: r for r in rispy.loads(text)}
    assert set(records) == {p.key for p in pubs}
    smith = records["smith2020journal"]
    assert smith["type_of_reference"] == "JOUR"
    assert smith["authors"][0] == "Müller, Jörg"
    assert (smith["start_page"], smith["end_page"]) == ("101", "120")
    assert smith["doi"] == "10.1000/xyz_1"
    assert records["lee2023conf"]["type_of_reference"] == "CPAPER"
    assert publication_to_ris(pubs[0])["title"]


def test_social_meta_escapes_and_needs_absolute_urls() -> None:
    html = social_meta(title='A "quoted" <b>title</b>', description="x & y", url=None, site_name="Lab")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('meta[property="og:title"]')["content"] == 'A "quoted" <b>title</b>'
    assert "<b>" not in html
    assert soup.select_one('meta[property="og:url"]') is None
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"
    with_image = social_meta(title="t", url="https://x.org/p/", image="https://x.org/a.jpg")
    assert 'content="summary_large_image"' in with_image
