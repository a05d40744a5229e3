"""`labbook new` gets the front door: the landing page, the dark-mode toggle, a Notes section and a photo."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import BuildResult, run_build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A `labbook new` lab, built as its user would build it (once for the tests of this module)."""
    target = tmp_path_factory.mktemp("new") / "mylab"
    assert CliRunner().invoke(main, ["new", str(target), "--name", "Ada Lab"]).exit_code == 0
    result = run_build(target, strict=True)
    assert result.returncode == 0, result.log
    return result


def test_a_new_lab_has_landing_page_dark_mode_notes_and_a_photo(build: BuildResult) -> None:
    home = BeautifulSoup(build.html("index.html"), "html.parser")
    assert home.select_one("section.lb-hero h1").get_text() == "Ada Lab"
    assert home.select(".lb-hero a.md-button") and home.select(".lb-theme-cards > li")
    assert home.select_one("table.lb-pub-table")
    toggles = home.select("form[data-md-component=palette] input[name=__palette]")
    assert len(toggles) == 2  # light and dark, with the toggle in the header
    notes = BeautifulSoup(build.html("notes/index.html"), "html.parser")
    assert "A first research note" in notes.get_text()
    assert any(a.get_text(strip=True) == "Notes" for a in home.select(".md-tabs a"))
    people = BeautifulSoup(build.html("people/index.html"), "html.parser")
    photo = people.select_one("img.lb-photo")
    assert photo["src"].endswith(".webp") and "srcset" in photo.attrs
    assert "Ada Lab" in home.select_one(".md-copyright").get_text()


def test_a_new_labs_pages_carry_only_their_own_sections_menu(build: BuildResult) -> None:
    """Material's navigation.prune: the handbook's pages are in the handbook's menu, not in every page's (a page
    of a big site stays light); the tabs still reach every section."""

    def menu_links(page: str) -> set[str]:
        soup = BeautifulSoup(build.html(page), "html.parser")
        base = "http://lab.test/" + page
        return {urljoin(base, a["href"]) for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")}

    editing = "http://lab.test/handbook/editing/"
    assert editing not in menu_links("index.html")
    assert editing in menu_links("handbook/index.html")
    home = BeautifulSoup(build.html("index.html"), "html.parser")
    assert any(a.get_text(strip=True) == "Handbook" for a in home.select(".md-tabs a"))
