"""Tests of labbook.exports: clean BibTeX, CSL-JSON, Google Scholar meta tags and JSON-LD."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from pybtex.bibtex.utils import split_name_list
from pybtex.database import parse_string

from labbook.diagnostics import Report
from labbook.exports.bibtex import DISPLAY_ONLY_FIELDS, bibliography_to_bibtex, entry_to_bibtex
from labbook.exports.csl_json import publication_to_csl, to_csl_json
from labbook.exports.jsonld import HEADLINE_MAX, json_ld_script, scholarly_article
from labbook.exports.scholar_meta import citation_meta, render_meta
from labbook.load.bibtex import decode_bib_bytes, merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication
from labbook.model.bib_entry import RawEntry, RawField
from labbook.model.publication import Publication
from tests.conftest import shared_data

CORPUS_FILES = ("dealii_publications-2019.bib", "lengerichlab_papers.bib")

SAMPLE = r"""
@article{smith2020journal,
  author = {M{\"u}ller, J{\"o}rg and Ludwig van Beethoven and King, Jr., Martin Luther and {The deal.II Authors}},
  title = {On {B}anach Spaces with $\alpha$-Stable Noise},
  journal = {J. Funct. Anal.},
  volume = {12}, number = {3}, pages = {101--120},
  year = {2020}, month = mar,
  doi = {https://doi.org/10.1000/xyz\_1},
  keywords = {analysis, noise},
  abbr = {JFA}, selected = {true}, pdf = {papers/smith2020.pdf}, bibtex_show = {true},
}
@inproceedings{lee2023conf,
  author = {Lee, Kangwook and Garc{\'\i}a, Ana},
  title = {Learning Things},
  booktitle = {Proceedings of the 40th International Conference on Machine Learning (ICML)},
  pages = {5--9}, year = {2023}, publisher = {PMLR},
  pdf = {https://proceedings.mlr.press/v202/lee23a/lee23a.pdf},
  code = {https://github.com/x/y},
}
@misc{doe2024arxiv,
  author = {Doe, Jane}, title = {A Preprint}, year = {2024},
  eprint = {2401.01234}, archivePrefix = {arXiv}, primaryClass = {cs.LG},
}
@phdthesis{roe2019thesis,
  author = {Roe, Richard}, title = {Deep Things}, school = {{\'E}cole Polytechnique}, year = 2019,
}
@techreport{tr2018, author = {Poe, Edgar}, title = {A Report}, institution = {MIT}, number = {TR-7},
  year = {2018}}
@inproceedings{child2021, author = {Smith, Ann}, title = {Child Paper}, crossref = {proc2021}, pages = {1--10}}
@proceedings{proc2021, title = {Proceedings of the Workshop on Things}, editor = {Editor, Ed}, year = {2021},
  publisher = {ACM}}
@article{hostile2022,
  title = {</script><script>alert(1)</script> and "quotes" {\&} more},
  author = {O'Brien, Pat}, journal = {J. <b>Bold</b>}, year = 2022,
  html = {https://example.org/?a=1&b=</script>},
}
"""

#: The item types allowed by the CSL-JSON schema (citation-style-language/schema, csl-data.json).
CSL_SCHEMA_TYPES = frozenset(
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
        "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
        "entry-encyclopedia", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
        "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
        "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
        "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    }
)  # fmt: skip
#: The name keys the schema allows (definitions/name-variable), all strings in what we write.
CSL_NAME_KEYS = frozenset({"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"})
#: Every item key this exporter may write; each is a property of the schema's item object.
CSL_ITEM_KEYS = frozenset(
    {
        "id", "type", "title", "author", "editor", "issued", "container-title", "collection-title",
        "publisher", "publisher-place", "edition", "volume", "issue", "number", "collection-number", "page",
        "genre", "DOI", "ISBN", "ISSN", "URL", "abstract", "keyword", "note",
    }
)  # fmt: skip
MATH = re.compile(r"\$\$.*?\$\$|\$.*?\$", re.S)


def load(text: str) -> list[Publication]:
    """Publications built by the real loader (parse, merge, crossref, build) from BibTeX source."""
    report = Report()
    raws = merge_and_resolve([parse_bibtex(text, "test.bib", report)], report)
    return [build_publication(raw, i, report) for i, raw in enumerate(raws)]


def by_key(pubs: list[Publication]) -> dict[str, Publication]:
    """Publications indexed by key."""
    return {p.key: p for p in pubs}


@pytest.fixture(scope="module")
def sample() -> dict[str, Publication]:
    """The inline sample entries, by key."""
    return by_key(load(SAMPLE))


@pytest.fixture(scope="module", params=CORPUS_FILES)
def corpus(request: pytest.FixtureRequest) -> list[Publication]:
    """Every entry of one real-world .bib file (read in place from ../shared/corpus)."""
    data = shared_data("corpus", request.param).read_bytes()
    pubs = load(decode_bib_bytes(data, request.param, Report()))
    assert len(pubs) >= 25
    return pubs


def outside_math(text: str) -> str:
    """``text`` without its $...$ spans: latex_to_text keeps math as TeX on purpose."""
    return MATH.sub("", text)


class _MetaReader(HTMLParser):
    """Collects (name, content) of <meta> tags, with entities decoded as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            found = dict(attrs)
            self.pairs.append((found["name"] or "", found["content"] or ""))


def read_meta(html: str) -> list[tuple[str, str]]:
    """Parse rendered meta tags back into pairs."""
    reader = _MetaReader()
    reader.feed(html)
    reader.close()
    return reader.pairs


def script_payload(script: str) -> str:
    """The JSON text between the script tags, checking the element's shape."""
    head, tail = '<script type="application/ld+json">', "</script>"
    assert script.startswith(head) and script.endswith(tail)
    return script[len(head) : -len(tail)]


def expected_fields(raw: RawEntry) -> dict[str, str]:
    """The fields an export must keep: own fields minus display-only ones."""
    return {n: f.value for n, f in raw.fields.items() if n not in DISPLAY_ONLY_FIELDS and n not in raw.inherited}


def assert_reparses(text: str, raws: list[RawEntry]) -> None:
    """``text`` parses with pybtex (strict mode) to the same keys, field names and values as ``raws``."""
    data = parse_string(text, "bibtex")
    assert list(data.entries.keys()) == [r.key for r in raws]
    for raw in raws:
        entry = data.entries[raw.key]
        assert entry.type == raw.type
        want = expected_fields(raw)
        got = {k.lower(): " ".join(v.split()) for k, v in entry.fields.items()}
        persons = {role.lower(): people for role, people in entry.persons.items()}
        assert set(got) | set(persons) == set(want)
        for name, value in want.items():
            if name in persons:
                assert len(persons[name]) == len(split_name_list(value)), (raw.key, name)
            else:
                assert got[name] == value, (raw.key, name)


# --- BibTeX ------------------------------------------------------------------------------------------------


def test_display_only_fields_cover_al_folio_and_keep_standard_fields() -> None:
    """The al-folio display fields are dropped; standard fields (keywords, abstract, doi) are kept."""
    for name in ("abbr", "selected", "pdf", "html", "bibtex_show", "preview", "google_scholar_id", "award"):
        assert name in DISPLAY_ONLY_FIELDS
    assert not DISPLAY_ONLY_FIELDS & {"keywords", "abstract", "doi", "url", "title", "crossref"}


def test_entry_export_drops_display_fields_and_keeps_tex(sample: dict[str, Publication]) -> None:
    """Display-only fields go, values stay as TeX, and fields keep their order and brace quoting."""
    text = entry_to_bibtex(sample["smith2020journal"].raw)
    assert text.startswith('@article{smith2020journal,\n  author = {M{\\"u}ller, J{\\"o}rg and')
    assert "  title = {On {B}anach Spaces with $\\alpha$-Stable Noise},\n" in text
    assert "  doi = {https://doi.org/10.1000/xyz\\_1},\n" in text
    assert "  keywords = {analysis, noise},\n" in text
    for gone in ("abbr", "selected", "pdf", "bibtex_show"):
        assert f"  {gone} = " not in text
    names = re.findall(r"^  (\w+) = ", text, re.M)
    assert names == ["author", "title", "journal", "volume", "number", "pages", "year", "month", "doi", "keywords"]
    assert text.endswith("},\n}\n")


def test_crossref_child_leaves_inherited_fields_to_its_parent(sample: dict[str, Publication]) -> None:
    """A crossref child keeps its crossref field and omits inherited ones, unless asked to resolve them."""
    raw = sample["child2021"].raw
    assert raw.inherited  # the loader did inherit booktitle, year, publisher, editor
    text = entry_to_bibtex(raw)
    assert "crossref = {proc2021}" in text
    assert "booktitle" not in text and "year" not in text and "publisher" not in text
    resolved = entry_to_bibtex(raw, resolve_crossref=True)
    assert "crossref" not in resolved
    assert "booktitle = {Proceedings of the Workshop on Things}" in resolved and "year = {2021}" in resolved


def test_bibliography_export_reparses_and_puts_parents_last(sample: dict[str, Publication]) -> None:
    """The whole sample re-parses with pybtex; a crossref parent comes after its child, as BibTeX needs."""
    pubs = list(sample.values())
    text = bibliography_to_bibtex(pubs)
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.M)
    assert keys[-1] == "proc2021" and keys.index("child2021") < keys.index("proc2021")
    assert "}\n\n@" in text
    raws = {p.key: p.raw for p in pubs}
    assert_reparses(text, [raws[k] for k in keys])


def test_unbalanced_braces_cannot_break_the_file() -> None:
    """A value with stray braces (impossible from the loader, possible by hand) still makes valid BibTeX."""
    raw = RawEntry("k", "misc", {"title": RawField("a} b {c", 1), "note": RawField("{x}", 2)}, "x.bib", 1)
    text = entry_to_bibtex(raw)
    entry = parse_string(text, "bibtex").entries["k"]
    assert entry.fields["title"] == "a b c" and entry.fields["note"] == "{x}"


@pytest.mark.parametrize("value", ["", "plain", "{A}{B} {{nested}} x", "a } b {", "}{", "{{x}", "{x}}", "\\{ {y}"])
def test_balanced_braces_match_a_character_by_character_count(value: str) -> None:
    """The quick check for already balanced values agrees with the slow repair on balanced and broken input."""
    from labbook.exports.bibtex import _balanced

    def balanced(text: str) -> bool:
        depth = 0
        for ch in text:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if depth < 0:
                return False
        return depth == 0

    fixed = _balanced(value)
    assert balanced(fixed)
    assert (fixed == value) == balanced(value)


def test_bibliography_export_may_reuse_entry_texts(sample: dict[str, Publication]) -> None:
    """Passing the entries' texts (as the site planner does from its views) gives the same file."""
    pubs = list(sample.values())
    texts = {p.key: entry_to_bibtex(p.raw) for p in pubs}
    assert bibliography_to_bibtex(pubs, entry_text=lambda p: texts[p.key]) == bibliography_to_bibtex(pubs)


def test_corpus_bibtex_round_trips_through_pybtex(corpus: list[Publication]) -> None:
    """Every real entry re-parses with pybtex to the same key, fields and values, minus display-only ones."""
    text = bibliography_to_bibtex(corpus)
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.M)
    raws = {p.key: p.raw for p in corpus}
    assert sorted(keys) == sorted(raws)
    assert_reparses(text, [raws[k] for k in keys])
    assert not re.search(r"^  (bibtex_show|selected|abbr|pdf|html) = ", text, re.M)


# --- CSL-JSON ----------------------------------------------------------------------------------------------


def check_csl_item(item: dict[str, object]) -> None:
    """One item is well-formed by the CSL-JSON schema's rules for ids, types, names and dates."""
    assert isinstance(item["id"], str) and item["id"]
    assert item["type"] in CSL_SCHEMA_TYPES
    assert set(item) <= CSL_ITEM_KEYS
    for role in ("author", "editor"):
        for name in item.get(role, []):  # type: ignore[attr-defined]
            assert name and set(name) <= CSL_NAME_KEYS
            assert all(isinstance(v, str) and v for v in name.values())
            assert "literal" in name or "family" in name
    if "issued" in item:
        parts = item["issued"]["date-parts"]  # type: ignore[index]
        assert len(parts) == 1 and 1 <= len(parts[0]) <= 2 and all(isinstance(p, int) for p in parts[0])
        assert len(parts[0]) == 1 or 1 <= parts[0][1] <= 12
    for key, value in item.items():
        if key not in {"author", "editor", "issued"}:
            assert isinstance(value, str) and value.strip() == value and value


def test_csl_maps_types_names_and_numbers(sample: dict[str, Publication]) -> None:
    """Entry types, names (particle, suffix, corporate), dates, pages and identifiers map to CSL fields."""
    art = publication_to_csl(sample["smith2020journal"])
    assert art["type"] == "article-journal" and art["id"] == "smith2020journal"
    assert art["title"] == "On Banach Spaces with $\\alpha$-Stable Noise"
    assert art["author"] == [
        {"family": "Müller", "given": "Jörg"},
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "The deal.II Authors"},
    ]
    assert art["issued"] == {"date-parts": [[2020, 3]]}
    assert (art["container-title"], art["volume"], art["issue"], art["page"]) == (
        "J. Funct. Anal.",
        "12",
        "3",
        "101-120",
    )
    assert art["DOI"] == "10.1000/xyz_1" and art["keyword"] == "analysis, noise"
    conf = publication_to_csl(sample["lee2023conf"])
    assert conf["type"] == "paper-conference" and conf["container-title"].startswith("Proceedings of the 40th")
    assert conf["author"][1] == {"family": "García", "given": "Ana"}
    pre = publication_to_csl(sample["doe2024arxiv"])
    assert (pre["type"], pre["publisher"], pre["number"]) == ("article", "arXiv", "arXiv:2401.01234")
    thesis = publication_to_csl(sample["roe2019thesis"])
    assert (thesis["type"], thesis["publisher"], thesis["genre"]) == ("thesis", "École Polytechnique", "PhD thesis")
    report = publication_to_csl(sample["tr2018"])
    assert (report["type"], report["publisher"], report["number"]) == ("report", "MIT", "TR-7")
    child = publication_to_csl(sample["child2021"])
    assert child["container-title"] == "Proceedings of the Workshop on Things" and child["publisher"] == "ACM"
    for item in (art, conf, pre, thesis, report, child):
        check_csl_item(item)


def test_csl_json_document_is_a_utf8_array(sample: dict[str, Publication]) -> None:
    """to_csl_json gives a JSON array in the given order, with characters as UTF-8 rather than escapes."""
    text = to_csl_json(sample.values())
    assert "Müller" in text and "\\u00fc" not in text
    items = json.loads(text)
    assert [i["id"] for i in items] == list(sample)
    assert items[0] == json.loads(json.dumps(publication_to_csl(sample["smith2020journal"])))


def test_csl_json_document_is_json_dumps_of_the_items(corpus: list[Publication]) -> None:
    """Put together item by item, the document is exactly json.dumps of the item list (and "[]" when empty)."""
    expected = json.dumps([publication_to_csl(p) for p in corpus], ensure_ascii=False, indent=2) + "\n"
    assert to_csl_json(corpus) == expected
    assert to_csl_json([]) == json.dumps([], indent=2) + "\n"


def test_corpus_csl_items_are_well_formed(corpus: list[Publication]) -> None:
    """Every real entry becomes a schema-shaped CSL item; articles in journals are article-journal."""
    items = json.loads(to_csl_json(corpus))
    assert len(items) == len(corpus)
    for pub, item in zip(corpus, items, strict=True):
        check_csl_item(item)
        if pub.kind == "journal" and pub.entry_type == "article":
            assert item["type"] == "article-journal"
        assert len(item.get("author", [])) == len(pub.authors)


# --- Google Scholar meta tags ------------------------------------------------------------------------------


def test_scholar_meta_for_a_journal_article(sample: dict[str, Publication]) -> None:
    """Authors are "Last, First" one per tag; the date is YYYY/MM; a relative PDF is left out."""
    meta = citation_meta(sample["smith2020journal"], page_url="https://lab.example/publications/smith/")
    assert [v for n, v in meta if n == "citation_author"] == [
        "Müller, Jörg",
        "van Beethoven, Ludwig",
        "King, Martin Luther, Jr.",
        "The deal.II Authors",
    ]
    found = dict(meta)
    assert found["citation_publication_date"] == "2020/03"
    assert found["citation_journal_title"] == "J. Funct. Anal."
    assert (found["citation_firstpage"], found["citation_lastpage"]) == ("101", "120")
    assert (found["citation_volume"], found["citation_issue"]) == ("12", "3")
    assert found["citation_doi"] == "10.1000/xyz_1"
    assert found["citation_keywords"] == "analysis; noise"
    assert found["citation_abstract_html_url"] == "https://lab.example/publications/smith/"
    assert "citation_pdf_url" not in found
    given = dict(citation_meta(sample["smith2020journal"], pdf_url="https://lab.example/papers/smith2020.pdf"))
    assert given["citation_pdf_url"] == "https://lab.example/papers/smith2020.pdf"
    assert "citation_pdf_url" not in dict(citation_meta(sample["smith2020journal"], pdf_url="papers/x.pdf"))


def test_scholar_meta_types_pick_their_tags(sample: dict[str, Publication]) -> None:
    """Conference, thesis, report and arXiv entries get their own venue, institution and id tags."""
    conf = dict(citation_meta(sample["lee2023conf"]))
    assert conf["citation_conference_title"].endswith("(ICML)") and "citation_journal_title" not in conf
    assert conf["citation_pdf_url"] == "https://proceedings.mlr.press/v202/lee23a/lee23a.pdf"
    assert dict(citation_meta(sample["roe2019thesis"]))["citation_dissertation_institution"] == "École Polytechnique"
    report = dict(citation_meta(sample["tr2018"]))
    assert report["citation_technical_report_institution"] == "MIT" and "citation_issue" not in report
    assert dict(citation_meta(sample["doe2024arxiv"]))["citation_arxiv_id"] == "2401.01234"
    assert dict(citation_meta(sample["child2021"]))["citation_conference_title"].startswith("Proceedings of the W")


def test_render_meta_escapes_exactly_once(sample: dict[str, Publication]) -> None:
    """Quotes and angle brackets are escaped once: parsing the HTML gives back the exact values."""
    pairs = citation_meta(sample["hostile2022"])
    html = render_meta(pairs)
    assert "<script" not in html and "&amp;lt;" not in html and "&amp;#34;" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; and &#34;quotes&#34; &amp; more" in html
    assert read_meta(html) == pairs
    assert str(render_meta([("citation_title", "a &amp; b")])) == '<meta name="citation_title" content="a &amp;amp; b">'


def test_corpus_scholar_meta_is_plain_text(corpus: list[Publication]) -> None:
    """Every real entry: one citation_author per author, no TeX outside math, and HTML that reads back."""
    for pub in corpus:
        meta = citation_meta(pub, page_url=f"https://lab.example/publications/{pub.slug}/")
        assert sum(1 for n, _ in meta if n == "citation_author") == len(pub.authors)
        assert dict(meta).get("citation_title")
        for name, value in meta:
            assert "\\" not in outside_math(value) and "{" not in outside_math(value), (pub.key, name, value)
        assert read_meta(render_meta(meta)) == meta


# --- JSON-LD -----------------------------------------------------------------------------------------------


def test_json_ld_fields(sample: dict[str, Publication]) -> None:
    """ScholarlyArticle has headline, authors (linked when a person page exists), date, venue and sameAs."""
    pub = sample["smith2020journal"]
    pub.authors[0].person_id = "joerg"
    data = scholarly_article(
        pub, url="https://lab.example/p/smith/", person_url=lambda pid: f"https://lab.example/people/{pid}/"
    )
    assert data["@context"] == "https://schema.org" and data["@type"] == "ScholarlyArticle"
    assert data["headline"] == data["name"] == "On Banach Spaces with $\\alpha$-Stable Noise"
    assert data["author"][0] == {"@type": "Person", "name": "Jörg Müller", "url": "https://lab.example/people/joerg/"}
    assert data["author"][1] == {"@type": "Person", "name": "Ludwig van Beethoven"}
    assert data["datePublished"] == "2020-03"
    assert data["isPartOf"] == {"@type": "CreativeWork", "name": "J. Funct. Anal."}
    assert data["sameAs"] == ["https://doi.org/10.1000/xyz_1"]
    assert data["url"] == "https://lab.example/p/smith/" and data["keywords"] == "analysis, noise"
    assert scholarly_article(sample["doe2024arxiv"])["sameAs"] == ["https://arxiv.org/abs/2401.01234"]
    pub.authors[0].person_id = None


def test_json_ld_headline_is_cut_at_110_characters() -> None:
    """A long title keeps its full ``name``; the headline is cut at a word, within Google's limit."""
    long_title = " ".join(["Word"] * 60)
    (pub,) = load(f"@article{{long, title = {{{long_title}}}, author = {{A, B}}, journal = {{J}}, year = 2020}}")
    data = scholarly_article(pub)
    assert data["name"] == long_title
    assert len(data["headline"]) <= HEADLINE_MAX and data["headline"].endswith("Word…")


def test_json_ld_script_cannot_be_closed_by_data(sample: dict[str, Publication]) -> None:
    """A hostile title and URL cannot end the <script>; the JSON inside parses back to the same data."""
    data = scholarly_article(sample["hostile2022"], url="https://x.example/?q=</script><!--")
    script = json_ld_script(data)
    payload = script_payload(script)
    assert "<" not in payload and ">" not in payload and "&" not in payload
    assert script.lower().count("</script") == 1
    assert json.loads(payload) == data
    assert data["name"].startswith('</script><script>alert(1)</script> and "quotes" & more')


def test_corpus_json_ld_round_trips(corpus: list[Publication]) -> None:
    """Every real entry's JSON-LD script holds one closing tag and JSON equal to the data."""
    for pub in corpus:
        data = scholarly_article(pub, url=f"https://lab.example/publications/{pub.slug}/")
        script = json_ld_script(data)
        assert script.lower().count("</script") == 1
        assert json.loads(script_payload(script)) == data
        assert len(data["headline"]) <= HEADLINE_MAX


def test_ris_joined_from_entries_is_the_whole_document(corpus: list[Publication],
                                                       sample: dict[str, Publication]) -> None:
    """/publications.ris joined from each entry's own .ris (as a build does) is exactly rispy's document of
    all of them, for a real-world bibliography and the sample (markup, quotes, odd names)."""
    from labbook.exports.ris import to_ris

    for pubs in (corpus, list(sample.values())):
        assert to_ris(pubs, record_text=lambda pub: to_ris([pub])) == to_ris(pubs)
