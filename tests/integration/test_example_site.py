"""The example lab's handbook (the repository's own mkdocs.yml) builds strictly and shows every entry."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, generator_command, visible_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    proc = subprocess.run(generator_command("build", "--strict", "-d", str(out)), cwd=ROOT,
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


def _hrefs(path: Path) -> list[str]:
    from bs4 import BeautifulSoup

    return [a["href"] for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a[href]")]


def test_every_people_link_points_at_a_built_page(example_site: Path) -> None:
    """Author highlights, speakers, instructors and note authors link /people/<id>/; every such page exists."""
    from urllib.parse import urljoin, urlsplit

    targets = set()
    for page in example_site.rglob("*.html"):
        url = "https://site.invalid/" + page.relative_to(example_site).as_posix()
        for href in _hrefs(page):
            path = urlsplit(urljoin(url, href)).path.removeprefix("/")
            if re.fullmatch(r"people/[^/]+/", path):
                targets.add(path)
    assert {"people/kangwook-lee/", "people/yuchen-zeng/", "people/ying-fan/", "people/jungtaek-kim/"} <= targets
    assert sorted(t for t in targets if not (example_site / t / "index.html").is_file()) == []


def test_every_collection_has_its_pages(example_site: Path) -> None:
    """People, talks, projects, openings, news, teaching and notes all build, each talk with its own page."""
    for path in ("people", "talks", "projects", "openings", "news", "teaching", "notes"):
        assert (example_site / path / "index.html").is_file(), path
    talk_ids = re.findall(r"^- id: (\S+)", (ROOT / "data" / "talks.yml").read_text(encoding="utf-8"), re.M)
    assert len(talk_ids) >= 6
    for talk_id in talk_ids:
        assert (example_site / "talks" / talk_id / "index.html").is_file()
    assert (example_site / "projects" / "adaptation-theory" / "index.html").is_file()


def test_a_talk_page_shows_its_abstract_and_the_speaker_bio(example_site: Path) -> None:
    """The JHU talk shows its abstract and Kangwook Lee's bio from people.yml."""
    text = visible_text((example_site / "talks" / "2024-04-jhu-cis-minds" / "index.html").read_text("utf-8"))
    assert "Foundation models are now too large to retrain" in text
    assert "Assistant Professor of Electrical and Computer" in " ".join(text.split())


def test_home_page_blocks(example_site: Path) -> None:
    """The home page shows the research focus, sponsors, latest news, open positions and selected talks."""
    home = (example_site / "index.html").read_text(encoding="utf-8")
    text = " ".join(visible_text(home).split())
    assert "theory and algorithms for foundation models" in text
    assert all(sponsor in text for sponsor in ("NSF", "Amazon", "FuriosaAI"))
    assert len(re.findall(r'<article class="lb-news"', home)) == 3
    assert set(re.findall(r'<article class="lb-opening lb-open" id="([^"]+)"', home)) == {
        "opening-postdoc-foundation-models", "opening-phd-foundation-models", "opening-undergraduate-students"}
    assert "ms-students" not in home
    talks = re.findall(r'<article class="lb-talk[^"]*" id="[^"]+"[^>]*data-selected="(\w+)"', home)
    assert talks and set(talks) == {"true"}
