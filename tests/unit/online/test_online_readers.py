"""Each service's recorded answers read into works: the traits INDEX.tsv names for each file."""

from __future__ import annotations

import pytest

from labbook.online.arxiv import read_arxiv
from labbook.online.crossref import read_crossref
from labbook.online.datacite import read_datacite
from labbook.online.listings import openalex_works, orcid_works
from labbook.online.markup import arxiv_text_to_tex, markup_to_tex
from labbook.online.records import BadRecord
from labbook.text.latex import latex_to_text
from tests.datain import recorded


def crossref(name: str):
    return read_crossref(recorded(f"crossref/{name}.json"))


def datacite(name: str):
    return read_datacite(recorded(f"datacite/{name}.json"))


def test_jats_abstract_with_mathml_keeps_the_math() -> None:
    """Hindawi: JATS italics become \\emph, inline MathML (with an escaped <) becomes $P<0.001$."""
    work = crossref("hindawi-mathml-in-abstract")
    assert work.abstract.startswith(r"\emph{Objective}. To find")
    assert "$P<0.001$" in work.abstract and "$P<0.01$" in work.abstract
    assert "52.2\\%" in work.abstract  # a TeX special escaped
    assert work.year == 2012 and work.month is None  # a year-only date
    assert work.authors[2].orcid == "0000-0003-2043-4925"
    assert "{QuantiFERON}" in work.title and "{US}" in work.title


def test_title_markup_and_newlines() -> None:
    """PNAS: "p110α (\\n <i>PIK3CA</i>\\n )" -> "p110α (\\emph{{PIK3CA}})"; the Greek letter stays UTF-8."""
    work = crossref("pnas-italic-gene-newlines-title")
    assert work.title.endswith(r"p110α (\emph{{PIK3CA}})")
    assert latex_to_text(work.title).endswith("p110α (PIK3CA)")
    assert crossref("rspb-italic-species-title-jats").title.endswith(r"\emph{Callosobruchus maculatus}")


def test_missing_dates_and_empty_titles() -> None:
    """IGI: issued [[null]] gives no year (not a made-up one); JSPFSM: the only title is the original one."""
    assert crossref("igi-chapter-null-issued-empty-subtitle").year is None
    japanese = crossref("jspfsm-empty-title-japanese-original")
    assert japanese.title == "自律神経・循環器応答" and japanese.authors == []


def test_print_date_wins_over_a_later_online_date() -> None:
    work = crossref("jor-1997-print-before-online")
    assert (work.year, work.month) == (1997, 7)


def test_names_mononyms_and_suffixes() -> None:
    mononyms = crossref("nature-mononym-authors").authors
    assert [(a.family, a.given, a.literal) for a in mononyms] == [("Sheherazade", "", False),
                                                                           ("Ardiantiono", "", False)]
    (smith,) = crossref("orglett-name-suffix-iii").authors
    assert (smith.family, smith.suffix, smith.given) == ("Smith", "III", "Amos B.")


def test_types_and_containers() -> None:
    chapter = crossref("lncs-book-chapter-two-container-titles")
    assert (chapter.kind, chapter.venue_field, chapter.venue) == ("incollection", "booktitle",
                                                                  "Advances in Visual Computing")
    assert chapter.series == "Lecture Notes in Computer Science"
    assert crossref("elife-peer-review-author-response").kind == "misc"
    assert crossref("srep-jats-abstract-curly-apostrophe").pages == "16696"  # article-number when no page
    assert crossref("ecology-sici-doi-brackets").doi == "10.1890/0012-9658(2006)87[2832:tiopma]2.0.co;2"


def test_datacite_records() -> None:
    software = datacite("zenodo-28518-software-release")
    assert (software.kind, software.venue, software.version, software.year) == ("misc", "Zenodo", "v0.3.2", 2015)
    hep = datacite("hepdata-1000-creators-latex-title")
    assert len(hep.authors) == 1000
    assert r"$\sqrt{s}=7$" in hep.title  # TeX math in a title stays math
    assert datacite("cyrillic-two-language-titles").title.startswith("МОДЕЛЬ")  # the main title, not the translation
    thor = datacite("thor-project-24-orcid-creators")
    assert all(a.orcid for a in thor.authors) and len(thor.authors) == 24
    packed = datacite("knb-software-2021").authors  # one "name" holding nine people
    assert [a.family for a in packed][:3] == ["Jones", "Slaughter", "Nahf"]
    assert datacite("lipics-2021-kernel-2.1").kind == "inproceedings"


@pytest.mark.parametrize(("file", "arxiv", "version", "primary"), [
    ("1605.08386-plain", "1605.08386", "v1", "math.CO"),
    ("2104.12255v1-title-is-zero", "2104.12255", "v1", "cs.CR"),
    ("astro-ph-0601001-journal-ref-affiliations", "astro-ph/0601001", "v1", "astro-ph"),
    ("hep-ex-0406020v1-collaboration-affiliation", "hep-ex/0406020", "v1", "hep-ex"),
    ("math-0211159-2019-non-arxiv-category", "math/0211159", "v1", "math.DG"),
])
def test_arxiv_entries(file: str, arxiv: str, version: str, primary: str) -> None:
    works = read_arxiv(recorded(f"arxiv/{file}.xml"))
    work = works[arxiv]
    assert (work.arxiv, work.arxiv_version, work.primary_class) == (arxiv, version, primary)
    assert work.title and work.year and work.authors


def test_arxiv_quirks() -> None:
    assert read_arxiv(recorded("arxiv/2104.12255v1-title-is-zero.xml"))["2104.12255"].title == "0"
    astro = read_arxiv(recorded("arxiv/astro-ph-0601001-journal-ref-affiliations.xml"))["astro-ph/0601001"]
    assert astro.journal_ref == "ActaAstron.56:1-50,2006" and astro.is_published
    assert "4--16\\%" in astro.abstract and not astro.abstract.startswith(" ")
    many = read_arxiv(recorded("arxiv/1707.08567-34-authors.xml"))["1707.08567"]
    assert len(many.authors) == 34
    assert any(a.family == "de With" for a in many.authors)
    assert any(a.family == "Wübben" for a in many.authors)
    assert read_arxiv(recorded("arxiv/0000.0000-empty-feed.xml")) == {}
    # Two ids asked, one silently missing: results are keyed by id, never by position.
    assert list(read_arxiv(recorded("arxiv/multi-id-one-missing.xml"))) == ["1707.08567"]
    search = read_arxiv(recorded("arxiv/search-testing-omega-math-title.xml"))
    assert any("$ω$" in w.title for w in search.values())


@pytest.mark.parametrize(("reader", "body"), [
    (read_crossref, b'{"status": "ok", "message": '),
    (read_crossref, b"<html>Service Unavailable</html>"),
    (read_crossref, b'{"status": "ok", "message": {"title": ["no DOI"]}}'),
    (read_datacite, b"[]"),
    (read_arxiv, b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>"),
    (read_arxiv, b'{"not": "xml"}'),
    (read_arxiv, b"<html/>"),
])
def test_malformed_answers_are_bad_records(reader, body: bytes) -> None:
    with pytest.raises(BadRecord):
        reader(body)


def test_orcid_groups_become_one_work_each() -> None:
    works = orcid_works(recorded("orcid/0000-0001-8607-8025-works.json"))
    assert len(works) == 74  # 74 groups, 78 summaries
    assert sum(1 for w in works if w.year is None) > 0
    assert all(w.doi == w.doi.lower() for w in works)
    assert works[0].title == "Open Code and Peer Review" and works[0].doi == "10.7557/19.5311"
    with pytest.raises(BadRecord):
        orcid_works(recorded("orcid/person-bad-id-404.json"))


def test_openalex_list() -> None:
    works, cursor = openalex_works(recorded("openalex/works-sample-5-list.json"))
    assert len(works) == 5 and cursor == ""
    assert any(not w.doi for w in works)


def test_markup_helpers() -> None:
    assert markup_to_tex("50% of A&B_c") == r"50\% of A\&B\_c"
    assert markup_to_tex("costs $5 and $10") == r"costs \$5 and \$10"
    assert markup_to_tex("H<sub>2</sub>O and E=mc<sup>2</sup>") == r"H\textsubscript{2}O and E=mc\textsuperscript{2}"
    assert markup_to_tex("A NEW TITLE IN CAPITALS ONLY", protect_acronyms=True) == "A NEW TITLE IN CAPITALS ONLY"
    assert arxiv_text_to_tex("50% of $x_1 % y$ {unbalanced") == r"50\% of $x_1 % y$ \{unbalanced"


def test_a_jats_abstract_heading_is_dropped() -> None:
    """srep's abstract is <jats:sec><jats:title>Abstract</jats:title><jats:p>...: the heading is not text."""
    assert crossref("srep-jats-abstract-curly-apostrophe").abstract.startswith("Oligomers of alpha-synuclein")


def test_consortium_authors_are_kept_whole() -> None:
    """A group name is one literal author; a person whose affiliation names collaborations stays a person."""
    from labbook.online.arxiv import _author
    from labbook.online.crossref import work_from_crossref

    assert _author("The ATLAS Collaboration").literal
    hep = read_arxiv(recorded("arxiv/hep-ex-0406020v1-collaboration-affiliation.xml"))["hep-ex/0406020"]
    assert [(a.family, a.given, a.literal) for a in hep.authors] == [("Tricomi", "Alessia", False)]
    record = work_from_crossref({"DOI": "10.1/x", "type": "journal-article", "title": ["T"],
                                 "author": [{"name": "PLOS Medicine Editors", "sequence": "first"}]})
    assert [(a.family, a.literal) for a in record.authors] == [("PLOS Medicine Editors", True)]
