"""/publications/ and a publication's page in Chromium: filters and their URL, toggles, copy, math, no-JS."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

MATH_PAGE = "publications/zeng2024expressive/"
#: A research note (Markdown the lab writes) with math: MathJax typesets it.
NOTE_WITH_MATH = "notes/low-rank-adaptation-open-questions/"


def fold(text: str) -> str:
    """What the page's search does to text: no accents, lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def cards(site: Path) -> list[dict]:
    """Every card of the built /publications/ page, read with BeautifulSoup: id, data attributes, and the text
    a reader can search: what the card shows and the abstract, which is on the entry's own page (the card
    links it and fetches it on demand)."""
    soup = BeautifulSoup((site / "publications" / "index.html").read_text(encoding="utf-8"), "html.parser")
    out = []
    # Entries past the first screen are short lines (<p class="lb-pub">, their year on their group) until
    # they scroll near; the reader can find them all the same.
    for art in soup.select(".lb-pub"):
        parts = art.select(".lb-pub-title, .lb-pub-authors, .lb-pub-venue, .lb-topics, .lb-abstract")
        title = art.select_one(".lb-pub-title a") or art.select_one("a")
        own = BeautifulSoup((site / "publications" / title["href"] / "index.html").read_text(encoding="utf-8"),
                            "html.parser")
        if not parts:  # a short line: what its full card will show is on its page
            parts = own.select(".lb-pub-page-title, .lb-pub-page .lb-pub-authors, .lb-pub-page .lb-topics")
        parts += own.select(".lb-pub-page .lb-abstract")
        out.append({
            "id": art["id"],
            "year": art.get("data-year") or art.parent["data-year"],
            "kind": art["data-kind"],
            "topics": [t.casefold() for t in art["data-topics"].split("|") if t],
            "members": [m for m in art["data-members"].split("|") if m],
            "selected": art.get("data-selected") == "true",
            "text": fold(" ".join(p.get_text(" ") for p in parts)),
        })
    return out


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(".lb-pub:not([hidden])", "els => els.map(e => e.id)")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_search_narrows_the_list_and_goes_into_the_url(open_tab, example_site_dir: Path) -> None:
    """Typing "mamba" shows exactly the cards whose title, authors, venue, topics or abstract contain it,
    the live count says so, and the query is in the address bar."""
    all_cards = cards(example_site_dir)
    expected = [c["id"] for c in all_cards if "mamba" in c["text"]]
    assert 0 < len(expected) < len(all_cards)
    page = open_tab().open("publications/")
    page.fill("#lb-f-q", "Mamba")
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n",
                           arg=len(expected))
    assert visible_ids(page) == expected
    assert page.inner_text("[data-lb-count]") == f"{len(expected)} of {len(all_cards)} publications"
    assert query(page) == {"search": ["Mamba"]}
    # A year whose cards are all filtered out loses its heading too.
    years_left = {c["year"] for c in all_cards if c["id"] in expected}
    headings = page.query_selector_all("article h2[id]")
    assert {h.get_attribute("id") for h in headings} > years_left
    for heading in headings:
        year = heading.get_attribute("id")
        assert heading.is_visible() == (year in years_left)
        # ... and so does its entry in the table of contents.
        toc_entry = page.locator(f".md-sidebar--secondary .md-nav--secondary a[href$='#{year}']")
        assert toc_entry.is_visible() == (year in years_left), year


def test_search_ignores_accents_and_case(open_tab, small_site_url: str) -> None:
    """ "godel" finds "Gödel" and "MULLER" finds "Müller": the search folds accents and case."""
    page = open_tab(base=small_site_url).open("publications/")
    for words in ("godel", "MULLER schrodinger"):
        page.fill("#lb-f-q", words)
        page.wait_for_function("() => document.querySelectorAll('.lb-pub:not([hidden])').length === 1")
        assert visible_ids(page) == ["mueller2021"]


def test_the_list_is_read_for_filtering_only_when_the_reader_comes_to_the_filters(open_tab,
                                                                                  small_site_url: str) -> None:
    """Loading the page does not read every entry for the filters (that is work a reader who only reads never
    needs); moving the pointer onto the filters does, and filtering works from there."""
    page = open_tab(base=small_site_url).open("publications/", idle=True)
    records = "() => document.querySelector('form[data-lb-facets]').lbFacets.records"
    assert page.evaluate(records) is None
    page.hover("#lb-f-q")
    page.wait_for_function(f"() => ({records})() !== null")
    page.fill("#lb-f-q", "godel")
    page.wait_for_function("() => document.querySelectorAll('.lb-pub:not([hidden])').length === 1")


def test_et_al_button_shows_the_hidden_authors(open_tab, small_site_url: str) -> None:
    """Past max_authors the list ends in an "et al." button (aria-expanded) that reveals the other names,
    and the hidden names are found by the search."""
    page = open_tab(base=small_site_url).open("publications/")
    card = page.locator("article#mueller2021")
    button = card.locator("button.lb-etal")
    assert button.get_attribute("aria-expanded") == "false"
    hidden_name = card.locator(".lb-pub-authors").get_by_text("D. Delta")
    assert not hidden_name.is_visible()
    button.click()
    assert hidden_name.is_visible()
    assert not button.is_visible()
    assert card.locator("#lb-rest-mueller2021").get_attribute("class") == "lb-authors-rest lb-open"
    page.fill("#lb-f-q", "gamma")
    page.wait_for_function("() => document.querySelectorAll('.lb-pub:not([hidden])').length === 1")


def test_facets_combine_and_a_shared_url_restores_them(open_tab, example_site_dir: Path) -> None:
    """Topic "Theory" + year 2024 + member Kangwook Lee shows the cards matching all three; the URL holds the
    state, and opening that URL in a new browser shows the same cards with the same controls set."""
    all_cards = cards(example_site_dir)
    expected = [c["id"] for c in all_cards
                if "theory" in c["topics"] and c["year"] == "2024" and "kangwook-lee" in c["members"]]
    assert expected
    tab = open_tab()
    page = tab.open("publications/")
    page.click(".lb-facet[data-facet=topic] .lb-chip[data-value='Theory']")
    page.click(".lb-facet[data-facet=year] .lb-chip[data-value='2024']")
    page.select_option("#lb-f-member", "kangwook-lee")
    page.wait_for_function("() => new URLSearchParams(location.search).get('member') === 'kangwook-lee'")
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n",
                           arg=len(expected))
    assert visible_ids(page) == expected
    assert query(page) == {"year": ["2024"], "topic": ["Theory"], "member": ["kangwook-lee"]}
    assert page.get_attribute(".lb-chip[data-value='Theory']", "aria-pressed") == "true"
    assert page.inner_text("[data-lb-count]").startswith(f"{len(expected)} of {len(all_cards)}")

    shared = open_tab().open("publications/" + page.url.split("/publications/", 1)[1])
    assert visible_ids(shared) == expected
    assert shared.get_attribute(".lb-chip[data-value='2024']", "aria-pressed") == "true"
    assert shared.get_attribute(".lb-chip[data-value='2023']", "aria-pressed") == "false"
    assert shared.input_value("#lb-f-member") == "kangwook-lee"


def test_two_values_of_one_facet_are_alternatives(open_tab, example_site_dir: Path) -> None:
    """Years 2023 and 2022 together show the cards of either year; selected-only keeps the selected ones."""
    all_cards = cards(example_site_dir)
    page = open_tab().open("publications/?year=2023&year=2022&selected=true")
    expected = [c["id"] for c in all_cards if c["year"] in {"2023", "2022"} and c["selected"]]
    assert visible_ids(page) == expected
    assert page.is_checked("#lb-f-selected")


def test_type_facet_and_chip_counts(open_tab, example_site_dir: Path) -> None:
    """The type chips filter by kind, and every chip's count is what clicking it (as well) would add."""
    all_cards = cards(example_site_dir)
    page = open_tab().open("publications/?type=preprint")
    expected = [c["id"] for c in all_cards if c["kind"] == "preprint"]
    assert visible_ids(page) == expected
    # With type=preprint on, a topic chip counts the preprints of that topic.
    for chip in page.query_selector_all(".lb-facet[data-facet=topic] .lb-chip"):
        topic = chip.get_attribute("data-value").casefold()
        shown = chip.query_selector(".lb-chip-count").inner_text()
        assert int(shown) == sum(1 for c in all_cards if c["kind"] == "preprint" and topic in c["topics"])


def test_reset_and_empty_result(open_tab, example_site_dir: Path) -> None:
    """A search that matches nothing says so; Reset shows every card again and clears the URL."""
    total = len(cards(example_site_dir))
    page = open_tab().open("publications/?search=zzzz-no-such-word&topic=Theory")
    assert visible_ids(page) == []
    assert page.is_visible("[data-lb-empty]")
    page.click("button.lb-reset")
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n", arg=total)
    assert not page.is_visible("[data-lb-empty]")
    assert page.input_value("#lb-f-q") == ""
    assert urlsplit(page.url).query == ""
    assert page.inner_text("[data-lb-count]") == f"{total} publications"


def test_without_javascript_every_paper_is_there(open_tab, example_site_dir: Path) -> None:
    """With JavaScript off the filter form stays hidden and every card, abstract button aside, is shown."""
    total = len(cards(example_site_dir))
    page = open_tab(javascript=False).open("publications/?topic=Theory")
    assert len(visible_ids(page)) == total
    assert page.locator(".lb-pub").evaluate_all("els => els.filter(e => e.offsetHeight > 0).length") == total
    assert not page.is_visible("form.lb-facets")


def test_instant_navigation_sets_up_the_filters(open_tab, example_site_dir: Path) -> None:
    """Reaching /publications/ through Material's instant navigation (no full page load) still gives working
    filters, and a shared filtered link followed from another page applies its filters."""
    all_cards = cards(example_site_dir)
    tab = open_tab()
    page = tab.open("", idle=True)  # Material has read the sitemap it needs for instant navigation
    page.evaluate("window.__same_document = true")
    page.click(".md-tabs a[href$='publications/']")
    page.wait_for_selector("form.lb-facets[data-lb-ready]")
    assert page.evaluate("window.__same_document") is True  # no full reload happened
    page.click(".lb-chip[data-value='Diffusion']")
    expected = [c["id"] for c in all_cards if "diffusion" in c["topics"]]
    page.wait_for_function("n => document.querySelectorAll('.lb-pub:not([hidden])').length === n",
                           arg=len(expected))
    assert visible_ids(page) == expected
    assert query(page) == {"topic": ["Diffusion"]}


def full_card(page: Any, key: str) -> Any:
    """The full card of entry ``key`` on the list, scrolled to: an entry below the first full cards is a short
    one until the reader comes near it."""
    page.locator(f"#{key}").scroll_into_view_if_needed()
    return page.locator(f"article#{key}")


def test_abstract_and_bibtex_toggles(open_tab) -> None:
    """The Abstract and BibTeX buttons are real buttons with aria-expanded that open and close their panel."""
    page = open_tab().open("publications/")
    card = full_card(page, "zeng2024expressive")
    for label, panel_id in (("Abstract", "lb-abs-zeng2024expressive"), ("BibTeX", "lb-bib-zeng2024expressive")):
        button = card.get_by_role("button", name=label, exact=True)
        assert button.get_attribute("aria-expanded") == "false"
        assert button.get_attribute("aria-controls") == panel_id
        assert not page.is_visible(f"#{panel_id}")
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        assert page.is_visible(f"#{panel_id}")
        button.press("Enter")  # keyboard works too: it is a <button>
        assert button.get_attribute("aria-expanded") == "false"
        assert not page.is_visible(f"#{panel_id}")


def test_copy_button_puts_the_bibtex_on_the_clipboard(open_tab) -> None:
    """On a publication's page, Copy puts exactly the shown BibTeX on the clipboard and says so."""
    page = open_tab(clipboard=True).open(MATH_PAGE)
    shown = page.inner_text("#lb-bibsrc-zeng2024expressive")
    page.click(".lb-bibtex button.lb-copy")
    page.wait_for_function("() => document.querySelector('.lb-bibtex button.lb-copy').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == shown.strip()
    assert copied.lstrip().startswith("@inproceedings{zeng2024expressive,")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cite_menu_copies_a_formatted_citation(open_tab, scheme: str) -> None:
    """The Cite section lists the styles; Copy beside APA puts the APA text (no markup) on the clipboard.
    Screenshots of the section go to test-artifacts/screenshots/ for the README."""
    tab = open_tab(clipboard=True, color_scheme=scheme)
    page = tab.open(MATH_PAGE)
    labels = page.locator(".lb-cite-menu .lb-cite-label").all_inner_texts()
    assert labels[:5] == ["APA", "IEEE", "CHICAGO", "ACM", "NATURE"] or labels[:5] == ["APA", "IEEE", "Chicago",
                                                                                     "ACM", "Nature"]
    page.locator("#cite").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('cite').scrollIntoView()")
    tab.screenshot(f"publication-cite-{scheme}")
    shown = page.inner_text("#lb-cite-apa")
    page.locator("button[data-copy='lb-cite-apa']").click()
    page.wait_for_function("() => document.querySelector(\"button[data-copy='lb-cite-apa']\").textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == shown.strip() and copied.startswith("Zeng, Y., & Lee, K. (2024).")


def test_math_in_publication_data_is_mathml_without_mathjax(open_tab) -> None:
    """Math from the BibTeX abstract is MathML written at build time: the browser draws it, nothing is typeset
    on the phone and MathJax is not requested (the page carries no MathJax marker)."""
    tab = open_tab()
    page = tab.open(MATH_PAGE, idle=True)
    math = page.locator(".lb-abstract math")
    assert math.count() == 3
    assert page.locator("[data-lb-mathjax], .lb-abstract .arithmatex").count() == 0
    box = math.nth(2).bounding_box()  # width(f) x depth(f̄) / depth(f): drawn, on one line of text
    assert box is not None and box["width"] > 100 and 10 < box["height"] < 40
    assert page.locator(".lb-abstract math annotation").first.is_hidden()
    assert not [u for u in tab.requests if "mathjax" in u.lower()]


def test_math_in_a_note_is_typeset_by_the_self_hosted_mathjax(open_tab) -> None:
    """Math in the lab's own Markdown (a note) is typeset by MathJax loaded from the site itself, fonts too."""
    tab = open_tab()
    page = tab.open(NOTE_WITH_MATH)
    page.wait_for_selector(".md-content mjx-container", timeout=15_000)
    assert page.locator(".md-content mjx-container").count() == 5
    mathjax = [u for u in tab.requests if "mathjax" in u]
    assert any(u.endswith("assets/labbook/mathjax/tex-mml-chtml.js") for u in mathjax)
    assert all(u.startswith(tab.base) for u in mathjax)


def test_pages_without_mathjax_math_transfer_no_mathjax(open_tab) -> None:
    """Pages whose content holds no math for MathJax never request it (1 MB on a phone), not even after
    scrolling: nor the home page, whose papers' abstracts load only when a reader opens them, nor a paper
    whose abstract's math is MathML."""
    tab = open_tab()
    for path in ("", "people/", "talks/", "publications/kim2026transformers/", MATH_PAGE):
        page = tab.open(path, idle=True)
        assert page.locator("[data-lb-mathjax]").count() == 0, path
        page.mouse.wheel(0, 20_000)
        page.wait_for_timeout(300)
    assert not [u for u in tab.requests if "mathjax" in u.lower()]


def test_math_in_a_closed_panel_is_mathml_when_opened(open_tab) -> None:
    """On the list, an abstract opened on demand brings its MathML along: nothing more to load."""
    tab = open_tab()
    page = tab.open("publications/?search=expressive", idle=True)
    page.click("article#zeng2024expressive button.lb-toggle[aria-controls^='lb-abs']")
    page.wait_for_selector("article#zeng2024expressive .lb-abstract math", timeout=15_000)
    assert page.locator("article#zeng2024expressive .lb-abstract math").count() == 3
    assert not [u for u in tab.requests if "mathjax" in u.lower()]


def test_math_is_typeset_after_instant_navigation(open_tab) -> None:
    """A note with math reached through instant navigation is typeset as well."""
    page = open_tab().open("notes/", idle=True)
    page.evaluate("window.__same_document = true")
    page.click(f".md-content a[href$='{NOTE_WITH_MATH.split('/')[1]}/']")
    page.wait_for_selector(".md-content mjx-container", timeout=15_000)
    assert page.evaluate("window.__same_document") is True


def test_phone_width_has_no_horizontal_scrolling(open_tab) -> None:
    """At 360 px the publications page (filters open, a BibTeX panel open) and a publication page fit."""
    tab = open_tab(viewport=PHONE)
    page = tab.open("publications/")
    full_card(page, "zeng2024expressive").locator("button[aria-controls='lb-bib-zeng2024expressive']").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.open(MATH_PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_filters_fold_away_on_a_phone(open_tab) -> None:
    """At 360 px the filters sit behind a "Filters" button (aria-expanded) that says how many are active;
    on a wide screen there is no such button and the filters are open."""
    page = open_tab(viewport=PHONE).open("publications/?topic=Theory&year=2024")
    toggle = page.locator("button.lb-facet-toggle")
    assert toggle.is_visible() and toggle.inner_text() == "Filters (2)"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.is_visible("#lb-f-q") and not page.is_visible(".lb-chip[data-value='Theory']")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.click(".lb-chip[data-value='Theory']")
    page.wait_for_function("() => document.querySelector('button.lb-facet-toggle').textContent === 'Filters (1)'")
    wide = open_tab().open("publications/")
    assert not wide.is_visible("button.lb-facet-toggle") and wide.is_visible(".lb-chip[data-value='Theory']")


def test_print_shows_a_clean_list(open_tab) -> None:
    """Printed, /publications/ is a plain list: no filters, buttons or panels; every author shown."""
    page = open_tab().open("publications/")
    page.emulate_media(media="print")
    for selector in ("form.lb-facets", "article.lb-pub .lb-pub-actions", ".md-header", ".md-sidebar--primary"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article.lb-pub .lb-pub-title").first.is_visible()
