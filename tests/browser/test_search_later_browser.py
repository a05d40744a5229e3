"""Material's search index is requested after the page, not while it is drawn (search-later.js)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

_INDEX = "search/search_index.json"

#: When the index request started and when the load event ended, in ms since navigation (None: not yet).
_TIMES = """() => {
  const index = performance.getEntriesByType("resource").find(e => e.name.includes("search/search_index.json"));
  const nav = performance.getEntriesByType("navigation")[0];
  return index ? {index: index.startTime, loaded: nav.loadEventEnd} : null;
}"""


def test_untouched_page_requests_the_index_a_moment_after_it_has_loaded(open_tab) -> None:
    """Nobody touches the page: the index comes about 1.5 s after the load event (Material asks for it as soon
    as its script runs, before the load event), and search works from it."""
    page = open_tab().open("publications/")
    page.wait_for_function(f"({_TIMES})() !== null", timeout=15_000)
    times = page.evaluate(_TIMES)
    assert times["index"] >= times["loaded"] + 1000, times
    page.click("input.md-search__input")
    page.keyboard.type("theory")
    page.wait_for_selector(".md-search-result__item")


def test_a_key_lets_the_index_go_before_the_page_has_loaded(open_tab) -> None:
    """A reader who presses a key (Material's search opens with f, s or /) gets the index at once: here while
    the page's last script is still held back, so the load event has not happened yet."""
    tab = open_tab()
    page = tab.page
    held: list[Any] = []
    page.route("**/assets/labbook/labbook.js", lambda route: held.append(route))
    page.goto(tab.base + "publications/", wait_until="commit")
    # Material's script has run (it comes before labbook.js) and asked for its index, which is held.
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    assert not any(_INDEX in u for u in tab.requests)
    with page.expect_request(lambda request: _INDEX in request.url):
        page.keyboard.press("Shift")
    assert page.evaluate("document.readyState") != "complete"
    while not held:  # the route's handler runs when Playwright next reads its messages
        page.wait_for_timeout(20)
    held[0].continue_()
    page.wait_for_load_state("load")


def test_a_search_address_requests_the_index_at_once(open_tab) -> None:
    """``?q=...`` (a shared search): Material opens its search and focuses it at once, which lets the index go:
    it is requested before the load event ends."""
    page = open_tab().open("publications/?q=theory")
    page.wait_for_function(f"({_TIMES})() !== null", timeout=15_000)
    times = page.evaluate(_TIMES)
    assert times["index"] < times["loaded"], times
