"""The landing page template (labbook-home.html, a Material template override) and publications(view="table"),
in real `mkdocs build --strict` runs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

BIB = r"""
@article{a2024, title = {First Paper}, author = {Lee, Kangwook}, journal = {J. Tests}, year = {2024},
  code = {https://github.com/x/y}, tldr = {A one-line <summary> of the first paper.}, selected = {true}}
@article{b2023, title = {Second Paper}, author = {Lee, Kangwook}, journal = {J. Tests}, year = {2023}}
"""
PROJECTS = "- id: theory\n  title: Theory of adaptation\n  summary: Why fine-tuning works.\n"
HOME = """---
template: labbook-home.html
hero:
  tagline: Theory & algorithms <for> foundation models
  actions:
    - {label: Join us, url: openings/}
    - {label: Publications, url: publications/}
themes: projects
sponsors:
  - {name: NSF, url: "https://www.nsf.gov/"}
contact:
  address: 1415 Engineering Drive, Madison
  email: lab@example.org
---

## Recent work

{{ publications(view="table") }}
"""


def test_home_has_hero_themes_sponsors_contact_and_a_table(make_site) -> None:
    build = make_site({"data/publications.bib": BIB, "data/projects.yml": PROJECTS, "docs/index.md": HOME},
                      macros=True)
    soup = BeautifulSoup(build.html("index.html"), "html.parser")
    hero = soup.select_one("section.lb-hero")
    assert hero.select_one("h1").get_text() == "Test Lab"  # the site's name by default
    assert len(soup.select("h1")) == 1
    assert hero.select_one(".lb-hero-tagline").get_text() == "Theory & algorithms <for> foundation models"
    assert [(a.get_text(), a["href"]) for a in hero.select("a.md-button")] == [
        ("Join us", "openings/"), ("Publications", "publications/")]
    assert "md-button--primary" in hero.select_one("a.md-button")["class"]
    cards = soup.select(".lb-theme-cards > li")
    assert [c.select_one("a").get_text() for c in cards] == ["Theory of adaptation"]
    assert cards[0].select_one("a")["href"] == "projects/theory/"
    assert [a.get_text() for a in soup.select(".lb-sponsors a")] == ["NSF"]
    assert soup.select_one("address.lb-contact a")["href"] == "mailto:lab@example.org"
    order = [el.get("id") for el in soup.select("article h2")]
    assert order.index("research") < order.index("recent-work") < order.index("sponsors") < order.index("contact")
    rows = soup.select("table.lb-pub-table tbody tr")
    assert len(rows) == 2
    first = [td.get_text(" ", strip=True) for td in rows[0].select("td")]
    assert first[2] == "A one-line <summary> of the first paper." and first[4] == "Code"
    assert rows[0].select("a")[0]["href"] == "publications/a2024/"
    assert rows[1].select("td")[2].get_text() == "Second Paper" and rows[1].select("td")[4].get_text() == "–"


def test_pages_without_the_template_are_untouched(make_site) -> None:
    build = make_site({"data/publications.bib": BIB, "docs/index.md": "# Home\n\nPlain.\n"})
    assert not BeautifulSoup(build.html("index.html"), "html.parser").select(".lb-hero")


@pytest.mark.parametrize(("front", "message"), [
    ("hero: [1, 2]", "hero: expected keys and values"),
    ("hero:\n  actions:\n    - {label: Go, url: 'javascript:alert(1)'}", "not an http(s), mailto or relative link"),
    ("sponsors:\n  - {url: 'https://x.org'}", "each sponsor needs a name"),
])
def test_bad_front_matter_is_a_warning_naming_the_key(make_site, front: str, message: str) -> None:
    """A value of the wrong shape fails a strict build with the page and the key, never a traceback."""
    page = f"---\ntemplate: labbook-home.html\n{front}\n---\n\nText.\n"
    result = make_site({"docs/index.md": page}, expect_ok=False)
    assert result.returncode != 0 and "index.md: front matter:" in result.log and message in result.log
    assert "Traceback" not in result.log
    assert "javascript:" not in (result.site / "index.html").read_text(encoding="utf-8") if (
        result.site / "index.html").exists() else True


def test_a_bad_view_name_is_reported(make_site) -> None:
    result = make_site({"data/publications.bib": BIB, "docs/index.md": '{{ publications(view="grid") }}\n'},
                       macros=True, expect_ok=False)
    assert result.returncode != 0 and "view must be 'cards' or 'table'" in result.log
