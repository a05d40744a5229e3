"""Real `mkdocs build --strict` runs of small complete sites, checked by reading the HTML they produce."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string

from labbook.exports.bibtex import DISPLAY_ONLY_FIELDS
from labbook.text.slugs import slugify
from tests.conftest import shared_data, visible_text

pytestmark = pytest.mark.slow

SMALL_BIB = r"""
@string{icml = {International Conference on Machine Learning}}
@inproceedings{lee2024lora,
  title = {The Expressive Power of {Low-Rank Adaptation}},
  author = {Zeng, Yuchen and Lee, Kangwook},
  booktitle = icml,
  year = {2024},
  abbr = {ICLR},
  keywords = {PEFT, Theory},
  selected = {true},
  pdf = {https://example.org/lora.pdf},
  code = {https://github.com/example/lora},
  doi = {10.1000/lora},
  arxiv = {2310.17513},
  abstract = {We study $r$-rank adapters \& their power.},
  bibtex_show = {true}
}
@article{kim2023, title = {Sch{\"o}dinger Bridges}, author = {Kim, Jungtaek and Lee, Kibok and others},
  journal = {TMLR}, year = {2023}}
"""

PEOPLE = """
- id: kangwook-lee
  name: Kangwook Lee
  role: pi
- id: yuchen-zeng
  name: Yuchen Zeng
  role: phd
"""


def keys_in(bib: str) -> list[str]:
    return [m.group(2) for m in re.finditer(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", bib, re.M)
            if m.group(1).lower() not in {"string", "comment", "preamble"}]


def assert_clean_text(html: str) -> None:
    text = visible_text(html)
    assert "None" not in text.split() and "nan" not in text.split()
    assert "{{" not in text and "{%" not in text
    assert not re.search(r"\\[A-Za-z]+", text), re.search(r".{40}\\[A-Za-z]+.{40}", text)
    assert "()" not in text


@pytest.mark.parametrize("corpus_file", ["lengerichlab_papers.bib", "dealii_publications-2019.bib"])
def test_corpus_file_builds_with_every_entry(make_site, corpus_file: str) -> None:
    """Each real .bib builds strictly, every entry has a card and a page, and no TeX or None leaks."""
    data = shared_data("corpus", corpus_file).read_bytes()
    result = make_site({"data/papers.bib": data}, labbook={"bibliography": ["data/papers.bib"]})
    keys = keys_in(data.decode("utf-8"))
    index = result.html("publications/index.html")
    soup = BeautifulSoup(index, "html.parser")
    # Past the first screen entries are short (<p class="lb-pub">): every entry is there either way.
    assert len(soup.select(".lb-pub")) == len(keys)
    ids = {a["id"] for a in soup.select(".lb-pub")}
    assert {slugify(k) for k in keys} == ids
    assert_clean_text(index)
    pages = list((result.site / "publications").glob("*/index.html"))
    assert len(pages) == len(keys)
    if corpus_file.startswith("lengerich"):
        # The repeated bibtex_show field is reported (as a notice: nothing is lost) and the entry still shows.
        assert "papers.bib:12: info: entry 'liu2025fastcache' repeats field 'bibtex_show'" in result.log
        assert soup.find(class_="lb-pub", id="liu2025fastcache") is not None


def test_site_with_nothing_but_a_bibliography_builds_quietly(make_site) -> None:
    """No people.yml or other data: a strict build with no warning and no labbook message but the record count."""
    result = make_site({"data/x.bib": SMALL_BIB}, labbook={"bibliography": ["data/x.bib"]})
    labbook_lines = [line for line in result.log.splitlines() if "labbook" in line]
    assert "WARNING" not in result.log
    assert labbook_lines == ["INFO    -  labbook: data/x.bib: 2 records read, all used"]
    assert (result.site / "publications" / "index.html").is_file()


def test_publication_list_shows_everything_a_reader_needs(make_site) -> None:
    """Badge, linked title, members highlighted and linked, venue and year, topics, links, toggles."""
    result = make_site({"data/publications.bib": SMALL_BIB, "data/people.yml": PEOPLE})
    soup = BeautifulSoup(result.html("publications/index.html"), "html.parser")
    card = soup.find("article", id="lee2024lora")
    assert card.select_one(".lb-badge-venue").get_text() == "ICLR"
    assert card.select_one(".lb-pub-title a")["href"] == "../publications/lee2024lora/"
    members = card.select(".lb-member")
    assert [m.get_text() for m in members] == ["Yuchen Zeng", "Kangwook Lee"]
    assert members[0]["href"] == "../people/yuchen-zeng/"
    assert "International Conference on Machine Learning, 2024" in card.select_one(".lb-pub-venue").get_text()
    assert [t.get_text() for t in card.select(".lb-topic")] == ["PEFT", "Theory"]
    assert [a.get_text() for a in card.select("a.lb-link")] == ["PDF", "arXiv", "DOI", "Code"]
    toggles = card.select("button.lb-toggle")
    assert [b.get_text() for b in toggles] == ["Abstract", "BibTeX"]
    assert all(b["aria-expanded"] == "false" for b in toggles)
    assert card.select_one(".lb-selected") is not None
    # The abstract and BibTeX are not on the list: the toggles fetch them from the entry's page (linked).
    assert all(b["data-lb-src"] == "../publications/lee2024lora/" for b in toggles)
    assert [p.get_text() for p in card.select(".lb-panel")] == ["", ""]
    page = BeautifulSoup(result.html("publications/lee2024lora/index.html"), "html.parser")
    abstract = page.select_one(".lb-pub-page .lb-abstract")
    # The math is MathML written at build time (no MathJax needed), its TeX kept in an annotation.
    assert abstract.select_one("math mi").get_text() == "r" and "&" in abstract.get_text()
    assert abstract.select_one("math annotation").get_text() == "r" and not abstract.select(".arithmatex")
    other = soup.find("article", id="kim2023")
    assert "et al." in other.select_one(".lb-pub-authors").get_text()
    assert other.select(".lb-member") == []
    assert "Schödinger Bridges" in other.get_text()
    # Years are headings (newest first) and show up in the table of contents.
    assert [h.get_text().strip("¶").strip() for h in soup.select("h2")] == ["2024", "2023"]


def test_publication_page_has_scholar_meta_and_json_ld(make_site) -> None:
    """/publications/<key>/ carries citation_* tags, JSON-LD, the abstract and BibTeX, and is not in the nav."""
    result = make_site({"data/publications.bib": SMALL_BIB, "data/people.yml": PEOPLE},
                       extra_config={"site_url": "https://lab.example.org/"})
    html = result.html("publications/lee2024lora/index.html")
    soup = BeautifulSoup(html, "html.parser")
    meta = [(m["name"], m["content"]) for m in soup.select("head meta[name^=citation_]")]
    assert ("citation_title", "The Expressive Power of Low-Rank Adaptation") in meta
    assert [v for k, v in meta if k == "citation_author"] == ["Zeng, Yuchen", "Lee, Kangwook"]
    assert ("citation_publication_date", "2024") in meta
    assert ("citation_conference_title", "International Conference on Machine Learning") in meta
    assert ("citation_pdf_url", "https://example.org/lora.pdf") in meta
    assert ("citation_doi", "10.1000/lora") in meta
    assert ("citation_arxiv_id", "2310.17513") in meta
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "ScholarlyArticle" and data["datePublished"] == "2024"
    assert soup.select_one("h1").get_text() == "The Expressive Power of Low-Rank Adaptation"
    assert "bibtex_show" not in soup.select_one(".lb-bibtex code").get_text()
    nav_links = [a.get("href") for a in soup.select("nav.md-nav a")]
    assert not any(h and "lee2024lora" in h for h in nav_links)
    assert_clean_text(html)


def test_exports(make_site) -> None:
    """publications.bib re-parses without display-only fields; publications.json is CSL-JSON."""
    result = make_site({"data/publications.bib": SMALL_BIB})
    exported = parse_string((result.site / "publications.bib").read_text(encoding="utf-8"), "bibtex")
    assert sorted(exported.entries) == ["kim2023", "lee2024lora"]
    assert not {f.lower() for f in exported.entries["lee2024lora"].fields} & DISPLAY_ONLY_FIELDS
    csl = json.loads((result.site / "publications.json").read_text(encoding="utf-8"))
    assert {c["id"]: c["type"] for c in csl} == {"lee2024lora": "paper-conference", "kim2023": "article-journal"}


def test_macros_in_a_page(make_site) -> None:
    """publications(...) filters and cite(key) link, in any Markdown page."""
    page = "# Papers\n\n{{ publications(topic='theory') }}\n\nAs shown by {{ cite('lee2024lora') }}.\n"
    result = make_site({"data/publications.bib": SMALL_BIB, "docs/research.md": page}, macros=True)
    soup = BeautifulSoup(result.html("research/index.html"), "html.parser")
    assert [a["id"] for a in soup.select("article.lb-pub")] == ["lee2024lora"]
    cite = soup.select_one(".lb-cite a")
    assert cite.get_text() == "Zeng and Lee, 2024" and cite["href"] == "../publications/lee2024lora/"


def test_unknown_cite_key_fails_a_strict_build_with_file_and_line(make_site) -> None:
    """cite('nope') names the page file and line, and fails --strict."""
    page = "# Page\n\nText.\n\nSee {{ cite('nope') }}.\n"
    result = make_site({"data/publications.bib": SMALL_BIB, "docs/p.md": page}, macros=True, expect_ok=False)
    assert result.returncode != 0
    assert "docs/p.md:5: error: cite('nope'): no publication has this key [macro]" in result.log


def test_bad_entry_warns_in_plain_build_and_fails_strict(make_site) -> None:
    """A malformed entry: plain build logs file:line and keeps the rest; --strict fails."""
    bib = SMALL_BIB + (
        "\n@article{broken,\n  title = {Missing brace,\n  year = 2020\n}\n\n@misc{after, title={After}, year=2021}\n"
    )
    result = make_site({"data/publications.bib": bib}, strict=False)
    assert "data/publications.bib:22: error: entry 'broken' (line 21) is not closed: the value of 'title' opens" \
        in result.log
    assert "data/publications.bib: 4 records read, 3 used, 1 skipped" in result.log
    index = result.html("publications/index.html")
    assert 'id="after"' in index and 'id="lee2024lora"' in index and 'id="broken"' not in index
    strict = make_site({"data/publications.bib": bib}, expect_ok=False)
    assert strict.returncode != 0


def test_site_template_override_wins(make_site) -> None:
    """overrides/labbook/publication.html replaces the package's card template."""
    override = '<div class="my-card">{{ p.title_html }} ({{ p.year_label }})</div>\n'
    result = make_site({"data/publications.bib": SMALL_BIB, "overrides/labbook/publication.html": override})
    assert '<div class="my-card">The Expressive Power of Low-Rank Adaptation (2024)</div>' in result.html(
        "publications/index.html")


def test_page_written_by_the_lab_wins(make_site) -> None:
    """docs/publications/index.md written by the lab replaces the generated list; entry pages remain."""
    own_page = "# Our papers\n\nHand-made.\n"
    result = make_site({"data/publications.bib": SMALL_BIB, "docs/publications/index.md": own_page})
    assert "Hand-made." in result.html("publications/index.html")
    assert (result.site / "publications" / "kim2023" / "index.html").is_file()


def test_options_pages_off_and_plain_urls(make_site) -> None:
    """per_publication_pages: false and use_directory_urls: false both work."""
    result = make_site({"data/publications.bib": SMALL_BIB}, labbook={"per_publication_pages": False},
                       extra_config={"use_directory_urls": False})
    index = result.html("publications/index.html")
    assert not (result.site / "publications" / "kim2023.html").exists()
    assert "lee2024lora/" not in index and "lee2024lora.html" not in index
    assert BeautifulSoup(index, "html.parser").select_one(".lb-pub-title a") is None


def test_plain_urls_link_html_files(make_site) -> None:
    """With use_directory_urls: false, entry pages are <key>.html and the list links them relatively."""
    result = make_site({"data/publications.bib": SMALL_BIB}, extra_config={"use_directory_urls": False})
    link = BeautifulSoup(result.html("publications/index.html"), "html.parser").select_one(".lb-pub-title a")
    assert link["href"] == "../publications/lee2024lora.html"
    assert (result.site / "publications" / "lee2024lora.html").is_file()


def test_several_bibliographies_share_macros(make_site) -> None:
    """A @string defined in the first file is used in the second; both files' entries are listed."""
    files = {
        "data/a.bib": "@string{tmlr = {Transactions on Machine Learning Research}}\n@misc{a1, title={A}, year=2020}\n",
        "data/b.bib": "@article{b1, title={B}, journal=tmlr, year=2021, author={X Y}}\n",
    }
    result = make_site(files, labbook={"bibliography": ["data/a.bib", "data/b.bib"]})
    card = BeautifulSoup(result.html("publications/index.html"), "html.parser").find("article", id="b1")
    assert "Transactions on Machine Learning Research" in card.get_text()


def test_template_syntax_in_data_is_shown_literally_with_macros_on(make_site) -> None:
    """A title with {{ ... }} and {% ... %} is text: data never runs through the macro engine."""
    bib = r"@misc{t, title = {Why \{\{ 7*7 \}\} and \{\% raw \%\} stay text}, author = {A B}, year = 2020}" + "\n"
    page = "# Home\n\n{{ publications() }}\n"
    result = make_site({"data/publications.bib": bib, "docs/index.md": page}, macros=True)
    for path in ("publications/index.html", "publications/t/index.html", "index.html"):
        title = BeautifulSoup(result.html(path), "html.parser").select_one(".lb-pub-title, .lb-pub-page-title")
        assert title.get_text(strip=True) == "Why {{ 7*7 }} and {% raw %} stay text"


def test_two_lists_on_one_page_have_unique_ids(make_site) -> None:
    """A second publications() list prefixes its ids, so each toggle controls its own panel."""
    page = "# Home\n\n{{ publications(selected=true) }}\n\n{{ publications() }}\n"
    result = make_site({"data/publications.bib": SMALL_BIB, "docs/index.md": page}, macros=True)
    soup = BeautifulSoup(result.html("index.html"), "html.parser")
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for button in soup.select("button[aria-controls]"):
        assert soup.find(id=button["aria-controls"]) is not None


def test_macro_errors_name_their_own_line_in_plain_words(make_site) -> None:
    """Each bad call is reported at its own line (front matter counted), with a message a person can act on."""
    page = (
        "---\ntitle: Papers\n---\n# Papers\n\n{{ publications(year=2020) }}\n\n"
        "{{ publications(limit='x') }}\n\n{{ publications(year='twenty') }}\n\n"
        "{{ publications(topic='Theroy') }}\n\n{{ publications(author='nobody') }}\n"
    )
    result = make_site({"data/publications.bib": SMALL_BIB, "docs/p.md": page}, macros=True, expect_ok=False)
    assert result.returncode != 0
    assert "docs/p.md:8: error: publications(...): limit must be a whole number, not 'x' [macro]" in result.log
    assert "docs/p.md:10: error: publications(...): year must be a year such as 2024" in result.log
    assert "docs/p.md:12: error: publications(...): no publication has the topic 'Theroy'" in result.log
    assert "docs/p.md:14: error: publications(...): no publication has the author 'nobody'" in result.log
    assert "docs/p.md:6:" not in result.log


def test_lab_page_in_a_folder_wins_over_an_entry_page(make_site) -> None:
    """docs/publications/kim2023/index.md replaces the generated page of entry kim2023."""
    result = make_site({"data/publications.bib": SMALL_BIB, "docs/publications/kim2023/index.md": "# Mine\n"})
    assert "<h1 id=\"mine\">Mine" in result.html("publications/kim2023/index.html")
