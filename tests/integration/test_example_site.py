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

