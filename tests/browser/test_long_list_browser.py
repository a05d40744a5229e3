"""A long /publications/ in Chromium: full cards for the first screen, short entries past it that become full
cards as they scroll near, filters and search over every entry, abstracts and BibTeX fetched on demand, and
every abstract one link away without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from labbook.render.publication_list import FIRST_CARDS
from tests.conftest import write_site
from tests.site_server import SiteServer, build_for

pytestmark = pytest.mark.browser

COUNT = FIRST_CARDS + 70
TOPICS = ["Theory", "Vision", "Biology"]

#: Whether the entry ``id``'s content is drawn (false while content-visibility: auto skips it, far from the screen).
_DRAWN = "id => document.getElementById(id).querySelector('a').checkVisibility({contentVisibilityAuto: true})"


def _bib() -> str:
    entries = []
    for i in range(COUNT):
        year = 2024 - i // 40
        # Only some later entries mention the word, and only in their abstract.
        word = " zebrafish" if i >= FIRST_CARDS and i % 7 == 0 else ""
        entries.append(
            f"@inproceedings{{paper{i:03d},\n  title = {{Paper number {i} on $k$-sparse things}},\n"
            f"  author = {{Lee, Kangwook and Author{i}, Other}},\n  booktitle = {{Conference {i % 5}}},\n"
            f"  year = {{{year}}},\n  keywords = {{{TOPICS[i % 3]}}},\n"
            f"  abstract = {{We study case {i}{word} with $O(n)$ steps.}}\n}}\n")
    return "\n".join(entries)


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    project = write_site(tmp_path_factory.mktemp("long-site"), {
        "data/publications.bib": _bib(),
        "data/people.yml": "- id: kangwook-lee\n  name: Kangwook Lee\n  role: pi\n",
    }, labbook={"mathjax": True}, extra_config={"theme": {"name": "material", "font": False}})
    server = SiteServer(project / "site")
    build_for(server, project / "mkdocs.yml")
    with server.running():
        yield server


def _entries(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "publications" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_page_holds_full_cards_then_short_entries_without_abstracts(long_site: SiteServer) -> None:
    soup = _entries(long_site.directory)
    articles = soup.select(".lb-pub")
    assert len(articles) == COUNT
    short = soup.select("p.lb-pub")
    assert len(short) == COUNT - FIRST_CARDS
    assert articles[FIRST_CARDS - 1] not in short and articles[FIRST_CARDS] in short
    # No abstract or BibTeX text on the list page: the panels are empty until opened.
    assert "We study case" not in soup.get_text() and "@inproceedings" not in soup.get_text()
    assert all(not p.get_text(strip=True) for p in soup.select(".lb-panel"))
    # Every entry links its own page, which has the abstract (one link away without JavaScript).
    for art in articles:
        href = art.select_one(".lb-pub-title a, p.lb-pub > a")["href"]
        own = BeautifulSoup((long_site.directory / "publications" / href / "index.html").read_text(
            encoding="utf-8"), "html.parser")
        number = int(art["id"][len("paper"):])
        assert f"We study case {number}" in own.select_one(".lb-pub-page .lb-abstract").get_text()


def test_scrolling_swaps_in_full_cards_and_filters_cover_every_entry(open_tab, long_site: SiteServer) -> None:
    page = open_tab(base=long_site.url).open("publications/")
    page.click(".lb-chip[data-value='Vision']")
    expected = [f"paper{i:03d}" for i in range(COUNT) if TOPICS[i % 3] == "Vision"]
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n",
                           arg=len(expected))
    assert page.eval_on_selector_all(".lb-pub:not([hidden])", "els => els.map(e => e.id)") == expected
    assert page.inner_text("[data-lb-count]") == f"{len(expected)} of {COUNT} publications"
    page.click(".lb-chip[data-value='Vision']")
    # The filter is lifted in the next animation frame: scroll once every entry is back, or the end of the
    # filtered page would be a point in the middle of the whole one.
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n", arg=COUNT)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => document.querySelectorAll('p.lb-pub').length === 0")
    assert page.locator(".lb-pub").count() == COUNT
    # A swapped-in card is a full one, its "et al." and math set up like the others. The cards swapped in above
    # it are taller than the short entries were, so it is below the screen again (and not drawn): go to it.
    last = page.locator(f"article#paper{COUNT - 1:03d}")
    last.scroll_into_view_if_needed()
    page.wait_for_function(_DRAWN, arg=f"paper{COUNT - 1:03d}")
    assert last.locator(".lb-pub-authors").inner_text().startswith("Kangwook Lee")
    assert last.get_by_role("button", name="BibTeX", exact=True).is_visible()


def test_search_finds_words_of_abstracts_that_are_not_on_the_page(open_tab, long_site: SiteServer) -> None:
    page = open_tab(base=long_site.url).open("publications/")
    page.fill("#lb-f-q", "zebrafish")
    expected = [f"paper{i:03d}" for i in range(FIRST_CARDS, COUNT) if i % 7 == 0]
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n",
                           arg=len(expected))
    assert page.eval_on_selector_all(".lb-pub:not([hidden])", "els => els.map(e => e.id)") == expected


def test_toggles_fetch_the_abstract_and_bibtex_of_the_entry(open_tab, long_site: SiteServer) -> None:
    tab = open_tab(base=long_site.url, clipboard=True)
    page = tab.open("publications/")
    card = page.locator("article#paper003")
    card.get_by_role("button", name="Abstract", exact=True).click()
    page.wait_for_selector("#lb-abs-paper003 math")  # the math comes along, as MathML: no MathJax to load
    assert not [u for u in tab.requests if "mathjax" in u.lower()]
    assert "We study case 3 with" in page.inner_text("#lb-abs-paper003")
    card.get_by_role("button", name="BibTeX", exact=True).click()
    page.wait_for_selector("#lb-bibsrc-paper003")
    bibtex = page.inner_text("#lb-bibsrc-paper003")
    assert bibtex.startswith("@inproceedings{paper003,") and "We study case 3" in bibtex
    card.locator("button.lb-copy").click()
    page.wait_for_function("() => document.querySelector('#lb-bib-paper003 button.lb-copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()").strip() == bibtex.strip()
    fetched = [u for u in tab.requests if u.rstrip("/").endswith("publications/paper003")]
    assert len(fetched) == 1  # one page fetched for both panels


def test_without_javascript_the_toggles_give_way_to_the_title_link(open_tab, long_site: SiteServer) -> None:
    page = open_tab(base=long_site.url, javascript=False).open("publications/")
    assert page.locator(".lb-pub").evaluate_all("els => els.filter(e => e.offsetHeight > 0).length") == COUNT
    assert not page.locator("article.lb-pub button.lb-toggle").first.is_visible()
    page.click(f"#paper{COUNT - 1:03d} a")
    assert f"We study case {COUNT - 1} " in page.inner_text(".lb-pub-page .lb-abstract")


def test_entries_far_from_the_screen_are_drawn_as_they_come_near(open_tab, long_site: SiteServer) -> None:
    """The browser skips the style and layout of entries far below the screen and draws them as they scroll
    near; a link to an entry far down still lands on it, and print draws every entry."""
    tab = open_tab(base=long_site.url)
    page = tab.open("publications/")
    last = f"paper{COUNT - 1:03d}"
    assert page.evaluate(_DRAWN, "paper000")
    assert not page.evaluate(_DRAWN, last)
    page.locator(f"#{last}").scroll_into_view_if_needed()
    page.wait_for_function(_DRAWN, arg=last)

    target = f"paper{COUNT - 5:03d}"
    page.goto(tab.base + f"publications/#{target}")
    page.wait_for_function(_DRAWN, arg=target)
    page.wait_for_timeout(500)  # the cards swapped in around it have settled
    box = page.evaluate("id => document.getElementById(id).getBoundingClientRect().toJSON()", target)
    assert box["bottom"] > 0 and box["top"] < page.viewport_size["height"] / 2, box  # on screen, near the top

    # A malformed address (not percent-decodable) does not stop the cards from being swapped in.
    page.goto(tab.base + "publications/#%E0%A4")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => document.querySelectorAll('p.lb-pub').length === 0")

    page.emulate_media(media="print")
    assert page.evaluate("id => getComputedStyle(document.getElementById(id)).contentVisibility", last) == "visible"
