"""A publication's page cites it: formatted citations in the bundled CSL styles with copy buttons, the entry's
own .bib, .ris and CSL-JSON files, /publications.ris, and share tags on every generated page (real builds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rispy
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from labbook.exports.citations import format_citation, resolve_style
from tests.unit.exports.test_exports import load

pytestmark = pytest.mark.slow

BIB = r"""
@inproceedings{lee2023conf, author = {Lee, Kangwook and Garc{\'\i}a, Ana}, title = {Learning Things},
  booktitle = {International Conference on Machine Learning}, pages = {5--9}, year = {2023}}
"""
PEOPLE = "- id: kangwook-lee\n  name: Kangwook Lee\n  role: pi\n"


def test_publication_page_has_a_cite_section_and_downloads(make_site) -> None:
    """Five styles in order, each with a copy button naming it; the downloads exist and read back."""
    build = make_site({"data/publications.bib": BIB}, extra_config={"site_url": "https://lab.example.org/"})
    soup = BeautifulSoup(build.html("publications/lee2023conf/index.html"), "html.parser")
    rows = soup.select(".lb-cite-menu .lb-cite-style")
    assert [r.select_one(".lb-cite-label").get_text() for r in rows] == ["APA", "IEEE", "Chicago", "ACM", "Nature"]
    pub = load(BIB)[0]
    for row, name in zip(rows, ["apa", "ieee"], strict=False):
        text = row.select_one(".lb-cite-text")
        assert text.decode_contents() == str(format_citation(pub, resolve_style(name, Path("."))))
        button = row.select_one("button.lb-copy")
        assert button["data-copy"] == text["id"] and "Copy" in button["aria-label"]
    links = {a.get_text(): a["href"] for a in soup.select(".lb-downloads a")}
    assert list(links) == ["BibTeX", "RIS", "CSL-JSON"]
    folder = build.site / "publications" / "lee2023conf"
    assert "lee2023conf" in parse_string((folder / "lee2023conf.bib").read_text(encoding="utf-8"), "bibtex").entries
    assert rispy.loads((folder / "lee2023conf.ris").read_text(encoding="utf-8"))[0]["id"] == "lee2023conf"
    assert json.loads((folder / "lee2023conf.json").read_text(encoding="utf-8"))[0]["id"] == "lee2023conf"
    assert all((build.site / "publications" / "lee2023conf" / Path(h).name).is_file() for h in links.values())
    records = rispy.loads((build.site / "publications.ris").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["lee2023conf"]
    card = BeautifulSoup(build.html("publications/index.html"), "html.parser").select_one("a.lb-cite-link")
    assert card["href"].endswith("lee2023conf/#cite")


def test_cite_styles_option_chooses_the_styles(make_site) -> None:
    """`cite_styles: [ieee]` shows one style; `[]` shows none but keeps the downloads."""
    build = make_site({"data/publications.bib": BIB}, labbook={"cite_styles": ["ieee"]})
    soup = BeautifulSoup(build.html("publications/lee2023conf/index.html"), "html.parser")
    assert [r.get_text() for r in soup.select(".lb-cite-label")] == ["IEEE", "Download"]


def test_an_unknown_style_stops_the_build_with_a_message(make_site) -> None:
    result = make_site({"data/publications.bib": BIB}, labbook={"cite_styles": ["apa", "not-a-style"]},
                       expect_ok=False)
    assert result.returncode != 0
    assert "cite_styles" in result.log and "not-a-style" in result.log and "Traceback" not in result.log


def test_every_generated_page_has_share_tags(make_site) -> None:
    """Open Graph and Twitter card tags on each generated page: its own title and description, its absolute
    URL, the site's name; a paper is an article, a person a profile."""
    build = make_site({"data/publications.bib": BIB, "data/people.yml": PEOPLE},
                      extra_config={"site_url": "https://lab.example.org/"})
    for path, kind in [("publications/index.html", "website"), ("publications/lee2023conf/index.html", "article"),
                       ("people/index.html", "website"), ("people/kangwook-lee/index.html", "profile")]:
        soup = BeautifulSoup(build.html(path), "html.parser")
        og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
        tw = {m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")}
        assert og["og:type"] == kind, path
        assert og["og:title"] == soup.select_one("meta[property='og:title']")["content"] != ""
        assert og["og:url"] == "https://lab.example.org/" + path.removesuffix("index.html")
        assert og["og:site_name"] == "Test Lab"
        assert og["og:description"] == soup.select_one('meta[name="description"]')["content"]
        assert tw["twitter:card"] == "summary" and tw["twitter:title"] == og["og:title"]


def test_formatted_citations_are_kept_for_the_next_build(make_site) -> None:
    """The first build stores each formatted citation in .labbook/cache/citations.json (ignored by git); the
    next build reads them and makes the same page. A cache file changed to carry a script is not trusted: the
    citations are formatted again and the page is what citeproc-py makes."""
    files = {"data/publications.bib": BIB}
    first = make_site(files)
    page = first.html("publications/lee2023conf/index.html")
    store = first.project / ".labbook" / "cache" / "citations.json"
    kept = json.loads(store.read_text(encoding="utf-8"))["citations"]
    assert len(kept) == 5 and any("Learning Things" in html for html in kept.values())
    assert (first.project / ".labbook" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert make_site(files).html("publications/lee2023conf/index.html") == page

    store.write_text(json.dumps({"format": 1, "citations": {k: "<script>alert(1)</script>" for k in kept}}),
                     encoding="utf-8")
    again = make_site(files).html("publications/lee2023conf/index.html")
    assert again == page and "alert(1)" not in again
    assert json.loads(store.read_text(encoding="utf-8"))["citations"] == kept


def test_a_changed_entry_is_formatted_again(make_site) -> None:
    """The store is keyed by the entry's data: a new title shows in the next build's citations."""
    make_site({"data/publications.bib": BIB})
    build = make_site({"data/publications.bib": BIB.replace("Learning Things", "Learning Other Things")})
    soup = BeautifulSoup(build.html("publications/lee2023conf/index.html"), "html.parser")
    texts = [t.get_text() for t in soup.select(".lb-cite-text")]
    assert len(texts) == 5 and all("Learning Other Things" in t for t in texts)


def test_worker_processes_make_the_same_site(make_site, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lab with enough citations formats them in worker processes (LABBOOK_WORKERS=2); every file of the
    site is byte for byte what a build formatting them in the build process (LABBOOK_WORKERS=0) makes."""
    entries = "\n".join(
        f"@article{{e{i:02d}, author = {{Lee, Kangwook and Garc{{\\'\\i}}a, Ana-Sof{{\\'\\i}}a and Doe{i}, J.}},"
        f" title = {{Learning {i} Things \\& $x^{i}$}}, journal = {{Journal {i % 7}}}, volume = {{{i}}},"
        f" pages = {{{i}--{i + 9}}}, year = {{{2000 + i % 25}}}, doi = {{10.1000/e{i}}}}}" for i in range(45))
    files = {"data/publications.bib": entries, "data/people.yml": PEOPLE}
    monkeypatch.setenv("LABBOOK_WORKERS", "0")
    serial = make_site(files)
    assert "worker process" not in serial.log
    before = {p.relative_to(serial.site): p.read_bytes() for p in serial.site.rglob("*") if p.is_file()}
    monkeypatch.setenv("LABBOOK_WORKERS", "2")
    for cache in (serial.project / ".labbook").glob("cache/citations.json"):
        cache.unlink()
    pooled = make_site(files)
    assert "formatting 225 citations in 2 worker processes" in pooled.log
    after = {p.relative_to(pooled.site): p.read_bytes() for p in pooled.site.rglob("*") if p.is_file()}
    assert sorted(after) == sorted(before)
    assert [path for path in before if before[path] != after[path]] == []
    assert len(json.loads((pooled.project / ".labbook/cache/citations.json").read_text("utf-8"))["citations"]) == 225


def test_an_older_override_of_the_page_still_gets_its_citations(make_site) -> None:
    """An override of publication_page.html written before the menu moved to publication_cite.html prints the
    citations it is given (formatted when it reads them), and the built-in menu is not added to it."""
    override = ('<article>{% for c in cites %}<p class="old-cite">{{ c.label }}: {{ c.html }}</p>{% endfor %}'
                '{% if cites %}<p class="old-count">{{ cites|length }}</p>{% endif %}</article>')
    build = make_site({"data/publications.bib": BIB, "overrides/labbook/publication_page.html": override})
    soup = BeautifulSoup(build.html("publications/lee2023conf/index.html"), "html.parser")
    assert [p.get_text().split(":")[0] for p in soup.select(".old-cite")] == ["APA", "IEEE", "Chicago", "ACM",
                                                                              "Nature"]
    assert soup.select_one(".old-count").get_text() == "5"
    assert "Learning Things" in soup.select_one(".old-cite").get_text()
    assert not soup.select(".lb-cite-menu")
