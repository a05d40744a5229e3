"""What labbook's pages put into Material's search index."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow

BIB = """
@article{alpha2024, title = {Alpha Paper}, author = {Lee, Kangwook}, journal = {J. Things}, year = {2024},
  abstract = {An abstract about alpha.}}
@inproceedings{beta2023, title = {Beta Paper}, author = {Kim, Ana}, booktitle = {Conf}, year = {2023}}
"""


def _locations(result) -> list[str]:  # type: ignore[no-untyped-def]
    index = json.loads(result.html("search/search_index.json"))
    return [doc["location"] for doc in index["docs"]]


def test_list_page_is_left_out_when_every_entry_has_a_page(make_site) -> None:  # type: ignore[no-untyped-def]
    """Each publication is found through its own page; the list page would only repeat every entry."""
    locations = _locations(make_site({"data/publications.bib": BIB}))
    assert "publications/alpha2024/" in locations and "publications/beta2023/" in locations
    assert not any(loc.split("#")[0] == "publications/" for loc in locations)


def test_list_page_is_searchable_without_entry_pages(make_site) -> None:  # type: ignore[no-untyped-def]
    """Without pages of their own, the entries are found on the list page."""
    result = make_site({"data/publications.bib": BIB}, labbook={"per_publication_pages": False})
    locations = _locations(result)
    assert any(loc.split("#")[0] == "publications/" for loc in locations)
    assert "Alpha Paper" in result.html("search/search_index.json")


def test_math_is_indexed_as_its_tex_once(make_site) -> None:  # type: ignore[no-untyped-def]
    """A formula of an abstract is MathML on the page; the index holds its TeX (the annotation), not the drawn
    symbols as well, and the page keeps no search attribute."""
    bib = "@article{gamma2024, title = {Gamma}, author = {Lee, K}, journal = {J}, year = {2024},\n" \
          "  abstract = {Rank $\\frac{d}{2}$ is enough.}}\n"
    result = make_site({"data/publications.bib": bib})
    index = json.loads(result.html("search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("publications/gamma2024/"))
    assert "Rank \\frac{d}{2} is enough." in text
    page = result.html("publications/gamma2024/index.html")
    assert "<mfrac>" in page and "<mpadded>" in page  # Material removed the attribute once it had read it
