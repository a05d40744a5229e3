"""`labbook new` gets the front door: the landing page, the dark-mode toggle, a Notes section and a photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import run_build

pytestmark = pytest.mark.slow


def test_a_new_lab_has_landing_page_dark_mode_notes_and_a_photo(tmp_path: Path) -> None:
    target = tmp_path / "mylab"
    assert CliRunner().invoke(main, ["new", str(target), "--name", "Ada Lab"]).exit_code == 0
    build = run_build(target, strict=True)
    assert build.returncode == 0, build.log
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
