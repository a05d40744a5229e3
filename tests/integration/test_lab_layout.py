"""Generated pages look like a lab site's pages: no side column holding one entry or none, a header saying
what a list holds, and the lab's footer (real `mkdocs build --strict` runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

BIB = r"""
@article{a2024, title = {First}, author = {Lee, Kangwook}, journal = {J. Tests}, year = {2024}}
@article{b2023, title = {Second}, author = {Lee, Kangwook}, journal = {J. Tests}, year = {2023}}
"""
PEOPLE = "- id: kangwook-lee\n  name: Kangwook Lee\n  role: pi\n"
OWN_PAGE = "# Onboarding\n\n## Week one\n\nText.\n"


def columns(html: str) -> tuple[bool, bool]:
    """(left sidebar shown, table of contents shown) on a built page."""
    soup = BeautifulSoup(html, "html.parser")
    nav = soup.select_one(".md-sidebar--primary")
    toc = soup.select_one(".md-sidebar--secondary")
    return (nav is not None and not nav.has_attr("hidden"), toc is not None and not toc.has_attr("hidden"))


def test_with_tabs_generated_pages_drop_empty_columns(make_site) -> None:
    """With navigation tabs, a generated top-level page's sidebar would list only itself: hidden; a list with
    several year headings keeps its table of contents, a paper's page (no heading) loses it; the lab's own
    pages are untouched."""
    build = make_site({"data/publications.bib": BIB, "data/people.yml": PEOPLE, "docs/onboarding.md": OWN_PAGE},
                      extra_config={"theme": {"name": "material", "features": ["navigation.tabs"]}})
    assert columns(build.html("publications/index.html")) == (False, True)
    assert columns(build.html("publications/a2024/index.html")) == (False, False)
    assert columns(build.html("people/index.html")) == (False, False)  # one role heading only
    assert columns(build.html("people/kangwook-lee/index.html")) == (False, False)  # one section only
    assert columns(build.html("onboarding/index.html")) == (True, True)


def test_without_tabs_the_whole_navigation_stays(make_site) -> None:
    """Without tabs the left sidebar holds the whole navigation, which is worth keeping on every page."""
    build = make_site({"data/publications.bib": BIB, "data/people.yml": PEOPLE, "docs/onboarding.md": OWN_PAGE})
    assert columns(build.html("publications/index.html"))[0] is True
    assert columns(build.html("publications/a2024/index.html")) == (True, False)


def test_list_pages_have_a_header_line(make_site) -> None:
    """Under its title a list page says what it holds, in the same words as its meta description."""
    build = make_site({"data/publications.bib": BIB})
    soup = BeautifulSoup(build.html("publications/index.html"), "html.parser")
    lead = soup.select_one("h1 + .lb-lead")
    assert lead is not None
    assert lead.get_text() == soup.select_one('meta[name="description"]')["content"]


def test_the_example_footer_has_address_licence_and_social_links(example_dir: Path) -> None:
    """The example's footer (Material's `copyright` and `extra.social`) carries the lab's address, a licence
    line and social links, each with an accessible name."""
    soup = BeautifulSoup((example_dir / "publications" / "index.html").read_text(encoding="utf-8"), "html.parser")
    footer = soup.select_one(".md-copyright").get_text(" ")
    assert "Madison, WI" in footer and "©" in footer and "CC BY 4.0" in footer
    social = soup.select(".md-social a")
    assert len(social) >= 3 and all(a.get("title") for a in social)
