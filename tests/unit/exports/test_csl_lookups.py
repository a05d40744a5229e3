"""labbook.exports.csl_lookups: keeping citeproc-py's answers about a style's tree changes no citation."""

from __future__ import annotations

from citeproc import model

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


def test_every_default_style_formats_real_entries_as_citeproc_itself() -> None:
    """The sample entries and a sixth of each real-world .bib file (hyphenated, particled, corporate and
    accented names; every entry type they hold), in each default style: the same HTML with the answers kept
    as with citeproc-py as it ships, and the second pass (every answer kept) the same as the first."""
    pubs = _entries()
    styles = default_styles()
    with csl_lookups.pristine():
        assert model.CitationStylesElement.xpath_search.__name__ == "xpath_search"
        shipped = [[str(format_citation(p, s)) for s in styles] for p in pubs]
    kept_first = [[str(format_citation(p, s)) for s in styles] for p in pubs]
    kept_again = [[str(format_citation(p, s)) for s in styles] for p in pubs]
    assert len(pubs) >= 40
    for pub, want, first, again in zip(pubs, shipped, kept_first, kept_again, strict=True):
        assert first == want, pub.key
        assert again == want, pub.key


def test_answers_are_kept_and_used() -> None:
    """Formatting asks the style's tree once: a second pass over the same entries adds no answer."""
    pubs = load(SAMPLE)
    style = default_styles()[0]
    with csl_lookups.pristine():
        pass  # start with nothing kept
    for pub in pubs:
        format_citation(pub, style)
    kept = len(csl_lookups._answers)
    for pub in pubs:
        format_citation(pub, style)
    assert kept > 0
    assert len(csl_lookups._answers) == kept
