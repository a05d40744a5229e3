"""From raw entries to Publication records: names, years, kinds, badges, topics and links."""

from __future__ import annotations

import pytest

from labbook.diagnostics import Report
from labbook.load.bibtex import merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication, parse_author
from labbook.model.publication import Publication


def pub(body: str, etype: str = "article") -> tuple[Publication, Report]:
    report = Report()
    raw = merge_and_resolve([parse_bibtex(f"@{etype}{{k,\n{body}\n}}\n", "x.bib", report)], report)[0]
    return build_publication(raw, 0, report), report


@pytest.mark.parametrize(
    ("name", "text", "last"),
    [
        ("Lee, Kangwook", "Kangwook Lee", "Lee"),
        ("Kangwook Lee", "Kangwook Lee", "Lee"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven", "van Beethoven"),
        ("van Beethoven, Ludwig", "Ludwig van Beethoven", "van Beethoven"),
        ("King, Jr., Martin Luther", "Martin Luther King, Jr.", "King"),
        ("{Google DeepMind}", "Google DeepMind", "Google DeepMind"),
        ("Sch{\\\"o}lkopf, Bernhard", "Bernhard Schölkopf", "Schölkopf"),
        ("Jos{\\'e} de la Cruz", "José de la Cruz", "de la Cruz"),
    ],
)
def test_name_parts(name: str, text: str, last: str) -> None:
    """Names are read the BibTeX way (von, Jr, corporate braces) and shown in Unicode, first name first."""
    author = parse_author(name)
    assert author.text == text
    assert author.last == last


def test_others_becomes_et_al() -> None:
    """'and others' is BibTeX's et-al marker: not an author, but a flag."""
    p, _ = pub("title={T}, year=2020, author={A One and B Two and others}")
    assert [a.text for a in p.authors] == ["A One", "B Two"]
    assert p.et_al


def test_title_latex_and_math() -> None:
    """Accents become Unicode, protection braces vanish, math becomes MathML."""
    p, _ = pub(r"title={{B}ayesian {\"o}ptimisation of $k$-means}, year=2020, author={A B}")
    assert p.title_text == "Bayesian öptimisation of $k$-means"
    assert '<mi>k</mi>' in p.title_html
    assert '"application/x-tex">k</annotation></semantics></math>-means' in p.title_html


def test_missing_title_is_reported_and_key_shown() -> None:
    """An entry without a title is an error, and is listed under its key rather than as 'None'."""
    p, report = pub("author={A B}, year=2020")
    assert p.title_text == "[k]"
    assert [d.code for d in report] == ["bib-missing-title"]


@pytest.mark.parametrize(
    ("year", "expected", "code"),
    [("2024", 2024, None), ("{2024}", 2024, None), ("in press", None, "bib-bad-year"), ("20xx", None, "bib-bad-year")],
)
def test_years(year: str, expected: int | None, code: str | None) -> None:
    """A year is a four-digit number; anything else is reported and listed as 'Forthcoming'."""
    p, report = pub(f"title={{T}}, author={{A B}}, year={{{year}}}")
    assert p.year == expected
    assert [d.code for d in report] == ([code] if code else [])
    if expected is None:
        assert p.year_label == "Forthcoming"


def test_missing_year_is_a_warning() -> None:
    """No year at all is reported (not shown as None)."""
    p, report = pub("title={T}, author={A B}")
    assert p.year is None and [d.code for d in report] == ["bib-missing-year"]


@pytest.mark.parametrize(
    ("etype", "body", "kind", "badge"),
    [
        ("inproceedings", "booktitle={International Conference on Machine Learning}", "conference", "ICML’20"),
        ("inproceedings", "booktitle={Advances in Neural Information Processing Systems}", "conference", "NeurIPS’20"),
        ("inproceedings", "booktitle={Proc. of the 41st ICML}", "conference", "ICML’20"),
        ("inproceedings", "booktitle={ICLR Workshop on Things}", "workshop", "ICLR’20"),
        ("inproceedings", "booktitle={Some Meeting of Friends}", "conference", "Conference"),
        ("article", "journal={Proceedings of the National Academy of Sciences (PNAS)}", "journal", "PNAS’20"),
        ("article", "journal={Journal of Machine Learning Research}", "journal", "JMLR’20"),
        ("article", "journal={arXiv preprint arXiv:2402.15607}", "preprint", "arXiv’20"),
        ("misc", "eprint={2402.15607}, archiveprefix={arXiv}", "preprint", "arXiv’20"),
        ("phdthesis", "school={UW}", "thesis", "UW’20"),
        ("article", "journal={TMLR}, abbr={TMLR}", "journal", "TMLR"),
        ("techreport", "institution={Some Lab}", "report", "Report"),
    ],
)
def test_kind_and_badge(etype: str, body: str, kind: str, badge: str) -> None:
    """The type filter's kind comes from the entry type and venue; the badge is abbr, acronym and year, or kind."""
    p, _ = pub(f"title={{T}}, author={{A B}}, year=2020, {body}", etype)
    assert p.kind == kind
    assert p.badge == badge


def test_links_are_normalised_and_unsafe_ones_dropped() -> None:
    """arXiv ids and DOIs become URLs; javascript: links are reported and left out."""
    p, report = pub(
        "title={T}, author={A B}, year=2020, arxiv={2402.15607}, doi={10.1000/xyz}, "
        "code={javascript:alert(1)}, pdf={papers/t.pdf}"
    )
    assert [(lk.kind, lk.url) for lk in p.links] == [
        ("pdf", "papers/t.pdf"),
        ("arxiv", "https://arxiv.org/abs/2402.15607"),
        ("doi", "https://doi.org/10.1000/xyz"),
    ]
    assert [d.code for d in report] == ["bib-unsafe-url"]


def test_topics_from_keywords_or_topics() -> None:
    """keywords (or topics) split on commas and semicolons, without duplicates."""
    p, _ = pub("title={T}, author={A B}, year=2020, keywords={LLM, Theory; llm}")
    assert p.topics == ["LLM", "Theory"]


def test_selected_and_award() -> None:
    """al-folio's selected and award fields."""
    p, _ = pub("title={T}, author={A B}, year=2020, selected={true}, award={Best Paper}")
    assert p.selected and p.award_html == "Best Paper"


def test_arxiv_prefix_month_and_empty_names() -> None:
    """'arXiv:2101.00001v2' is an id; a bad month and empty names are reported, never shown."""
    p, report = pub("title={T}, year=2020, author={X Y and {} and Z W}, month={13}, arxiv={arXiv:2101.00001v2}")
    assert p.link("arxiv") == "https://arxiv.org/abs/2101.00001v2"
    assert [a.text for a in p.authors] == ["X Y", "Z W"]
    assert p.month is None
    assert sorted(d.code for d in report) == ["bib-bad-month", "bib-name"]


def test_self_crossref_is_an_error() -> None:
    """An entry that names itself in crossref is reported."""
    _, report = pub("title={T}, year=2020, author={A B}, crossref={k}")
    assert [d.code for d in report] == ["bib-crossref"]
