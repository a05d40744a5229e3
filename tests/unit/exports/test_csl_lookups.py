"""labbook.exports.csl_lookups: keeping citeproc-py's answers changes no citation, and only while labbook formats."""

from __future__ import annotations

import pytest
from citeproc import model
from citeproc.source import CitationItem

from labbook.diagnostics import Report
from labbook.exports import csl_lookups
from labbook.exports.citations import default_styles, format_citation
from labbook.load.bibtex import decode_bib_bytes
from labbook.model.publication import Publication
from tests.conftest import shared_data
from tests.unit.exports.test_exports import CORPUS_FILES, SAMPLE, load


def _entries() -> list[Publication]:
    pubs = load(SAMPLE)
    for name in CORPUS_FILES:
        corpus = load(decode_bib_bytes(shared_data("corpus", name).read_bytes(), name, Report()))
        pubs += corpus[::6]  # every sixth entry: each type and name shape of the file, in seconds not minutes
    return pubs


def test_every_default_style_formats_real_entries_as_citeproc_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample entries and a sixth of each real-world .bib file (hyphenated, particled, corporate and
    accented names; every entry type they hold), in each default style: the same HTML with the answers kept
    as with citeproc-py as it ships, and a second pass (every answer already kept) the same again."""
    pubs = _entries()
    styles = default_styles()
    with monkeypatch.context() as off:
        off.setattr(csl_lookups, "ENABLED", False)
        shipped = [[str(format_citation(p, s)) for s in styles] for p in pubs]
    kept_first = [[str(format_citation(p, s)) for s in styles] for p in pubs]
    kept_again = [[str(format_citation(p, s)) for s in styles] for p in pubs]
    assert len(pubs) >= 40
    for pub, want, first, again in zip(pubs, shipped, kept_first, kept_again, strict=True):
        assert first == want, pub.key
        assert again == want, pub.key


def test_answers_are_kept_only_inside_the_block() -> None:
    """Inside kept() the style's answers are stored and reused; outside, citeproc-py's methods are its own."""
    shipped = (model.CitationStylesElement.xpath_search, model.Parent.calls_variable,
               CitationItem.__dict__["reference"])
    pubs = load(SAMPLE)
    style = default_styles()[0]
    csl_lookups._answers.clear()
    for pub in pubs:
        format_citation(pub, style)
    kept = len(csl_lookups._answers)
    for pub in pubs:
        format_citation(pub, style)
    assert kept > 0 and len(csl_lookups._answers) == kept
    assert (model.CitationStylesElement.xpath_search, model.Parent.calls_variable,
            CitationItem.__dict__["reference"]) == shipped
    with csl_lookups.kept():
        assert model.CitationStylesElement.xpath_search is not shipped[0]
        assert CitationItem.__dict__["reference"] is not shipped[2]
