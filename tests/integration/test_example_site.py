"""The example lab's handbook (the repository's own mkdocs.yml) builds strictly and shows every entry."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, visible_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", **__import__("os").environ})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def bib_keys(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [m.group(2) for m in re.finditer(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", text, re.M)
            if m.group(1).lower() not in {"string", "comment", "preamble"}]


def test_every_entry_has_a_card_and_a_page(example_site: Path) -> None:
    """Each key of data/publications.bib appears on /publications/ and has its own page."""
    keys = bib_keys(ROOT / "data" / "publications.bib")
    index = (example_site / "publications" / "index.html").read_text(encoding="utf-8")
    assert len(keys) >= 20
    for key in keys:
        assert f'id="{key.lower()}"' in index
        assert (example_site / "publications" / key.lower() / "index.html").is_file()


def test_home_page_lists_selected_publications_through_the_macro(example_site: Path) -> None:
    """docs/index.md calls publications(selected=true): every card on the home page is a selected one."""
    home = (example_site / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<article class="lb-pub"[^>]*data-selected="(\w+)"', home)
    assert cards and set(cards) == {"true"}
    assert "{{" not in visible_text(home)



def test_example_pages_are_clean_and_members_highlighted(example_site: Path) -> None:
    """No None, template braces or TeX commands in the text; the PI is highlighted on every paper."""
    from bs4 import BeautifulSoup

    index = (example_site / "publications" / "index.html").read_text(encoding="utf-8")
    text = visible_text(index)
    assert "None" not in text.split() and "{{" not in text
    assert not re.search(r"\\[A-Za-z]+", text)
    soup = BeautifulSoup(index, "html.parser")
    highlighted = {a.get_text() for a in soup.select(".lb-member")}
    assert "Kangwook Lee" in highlighted


def test_entry_page_edit_button_points_at_the_bib_file(example_site: Path) -> None:
    """The edit button of a publication page opens data/publications.bib in the repository."""
    page = next((example_site / "publications").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'href="https://github.com/example/labbook/edit/main/data/publications.bib"' in page
