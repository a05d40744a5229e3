"""/talks/ filters and the people grid in Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser


def talk_cards(site: Path) -> list[dict]:
    soup = BeautifulSoup((site / "talks" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [{"id": a["id"], "year": a["data-year"], "kind": a["data-kind"], "speaker": a["data-speaker"]}
            for a in soup.select("article.lb-talk")]


def visible_talks(page) -> list[str]:
    return page.eval_on_selector_all("article.lb-talk:not([hidden])", "els => els.map(e => e.id)")


def test_talk_filters_and_their_url(open_tab, example_site_dir: Path) -> None:
    """Kind and year chips and the speaker menu narrow /talks/; the state is in the URL and comes back from it."""
    cards = talk_cards(example_site_dir)
    assert len(cards) >= 5
    page = open_tab().open("talks/")
    page.click(".lb-facet[data-facet=kind] .lb-chip[data-value='seminar']")
    expected = [c["id"] for c in cards if c["kind"] == "seminar"]
    page.wait_for_function("n => document.querySelectorAll('article.lb-talk:not([hidden])').length === n",
                           arg=len(expected))
    assert visible_talks(page) == expected
    page.click(".lb-facet[data-facet=year] .lb-chip[data-value='2024']")
    page.select_option("#lb-f-speaker", "kangwook-lee")
    # Every 2024 seminar may already be by this speaker, so wait for the URL, not for the count, to change.
    page.wait_for_function("() => new URLSearchParams(location.search).get('speaker') === 'kangwook-lee'")
    expected = [c["id"] for c in cards
                if c["kind"] == "seminar" and c["year"] == "2024" and c["speaker"] == "kangwook-lee"]
    page.wait_for_function("n => document.querySelectorAll('article.lb-talk:not([hidden])').length === n",
                           arg=len(expected))
    assert visible_talks(page) == expected
    assert parse_qs(urlsplit(page.url).query) == {"speaker": ["kangwook-lee"], "year": ["2024"], "kind": ["seminar"]}
    assert page.inner_text("[data-lb-count]") == f"{len(expected)} of {len(cards)} talks"
    again = open_tab().open("talks/" + page.url.split("/talks/", 1)[1])
    assert visible_talks(again) == expected
    # A year with nothing left loses its heading.
    assert not again.is_visible("h2#\\32 023")


def test_talk_search_and_calendar_link(open_tab, example_site_dir: Path) -> None:
    """The search box matches the event and place; the calendar link points at talks.ics, which is served."""
    tab = open_tab()
    page = tab.open("talks/")
    page.fill("#lb-f-q", "princeton")
    page.wait_for_function("() => document.querySelectorAll('article.lb-talk:not([hidden])').length === 1")
    assert page.get_attribute("a.lb-subscribe", "type") == "text/calendar"
    href = page.eval_on_selector("a.lb-subscribe", "a => a.href")  # resolved against the page
    assert href == tab.base + "talks.ics"
    response = page.request.get(href)
    assert response.ok and response.body().startswith(b"BEGIN:VCALENDAR")


def test_people_grid(open_tab, example_site_dir: Path) -> None:
    """Each person is a card whose whole area follows the link to their page; a missing photo is a
    placeholder with their initials that screen readers skip (the name is right beside it)."""
    tab = open_tab()
    page = tab.open("people/")
    cards = page.locator("article.lb-person")
    assert cards.count() >= 3
    first = cards.first
    placeholder = first.locator(".lb-photo-placeholder")
    assert placeholder.get_attribute("aria-hidden") == "true"
    assert placeholder.inner_text() == "KL"
    box = placeholder.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the photo is part of the link
    page.wait_for_url("**/people/kangwook-lee/")


def test_photos_have_alt_text(open_tab, small_site_url: str) -> None:
    """A photo from people.yml is shown with the person's name as its alt text, on the grid and the profile."""
    page = open_tab(base=small_site_url).open("people/")
    img = page.locator("article#kangwook-lee img.lb-photo")
    assert img.get_attribute("alt") == "Photo of Kangwook Lee"
    assert img.evaluate("el => el.complete && el.naturalWidth > 0")
    page.goto(small_site_url + "people/kangwook-lee/")
    assert page.get_attribute("img.lb-photo", "alt") == "Photo of Kangwook Lee"
