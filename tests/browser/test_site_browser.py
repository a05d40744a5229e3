"""The example handbook's main pages in Chromium: privacy, axe-core, contrast in both schemes, phone width.

Every test here also fails on a console error or an uncaught exception (see the ``open_tab`` fixture), and the
axe test leaves screenshots of each page in the light and the dark scheme in test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PHONE, record_axe

pytestmark = pytest.mark.browser

#: The pages a reader sees first, by a short name used for screenshots and the axe report.
MAIN_PAGES = {
    "home": "",
    "publications-filtered": "publications/?topic=Theory&year=2024",
    "publication": "publications/zeng2024expressive/",
    "people": "people/",
    "person": "people/kangwook-lee/",
    "talks": "talks/",
    "talk": "talks/2024-04-jhu-cis-minds/",
    "openings": "openings/",
    "news": "news/",
    "note": "notes/low-rank-adaptation-open-questions/",
}

_AXE = Axe()

#: WCAG 2.1 AA for normal-size text; every labbook label is small text.
AA = 4.5

# Effective contrast of each element's text against what is really behind it: semi-transparent colours and
# backgrounds are composited up the tree onto the page's own background.
_CONTRAST_JS = """
(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let out = [255, 255, 255];
    for (let i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
    return out;
  };
  const lum = (rgb) => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return Array.from(document.querySelectorAll(selector)).filter(el => el.offsetParent !== null).map(el => {
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return { text: el.textContent.trim().slice(0, 40), cls: el.className, ratio: (a + 0.05) / (b + 0.05) };
  });
}
"""

#: labbook's own coloured text: badges, chips (pressed and not), buttons, topics, member names, muted lines,
#: dates, people's positions and the talks' meta lines.
COMPONENTS = (".lb-badge, .lb-chip, .lb-chip-count, .lb-btn, .lb-topic, .lb-member, .lb-pub-venue, .lb-count, "
              ".lb-facet legend, .lb-facet label, .lb-selected, .lb-etal, .lb-muted, .lb-talk-date, .lb-talk-meta, "
              ".lb-news-date, .lb-person-position, .lb-person-now, .lb-person-name, .lb-photo-placeholder")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(MAIN_PAGES))
def test_axe_finds_no_serious_problem_and_screenshots(open_tab, name: str, scheme: str) -> None:
    """axe-core (bundled by axe-playwright-python) reports no serious or critical violation on each main page
    in each scheme; the counts go to test-artifacts/axe.json and a screenshot to test-artifacts/screenshots/."""
    tab = open_tab(color_scheme=scheme)
    page = tab.open(MAIN_PAGES[name])
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    if name == "publication":  # MathML from the BibTeX abstract (axe checks it as it is)
        page.wait_for_selector(".lb-abstract math")
    if name == "note":  # MathJax's output for the note's own math
        page.wait_for_selector(".md-content mjx-container", timeout=15_000)
    tab.screenshot(f"{name}-{scheme}")
    results = _AXE.run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    by_impact: dict[str, int] = {}
    for violation in results["violations"]:
        by_impact[violation["impact"]] = by_impact.get(violation["impact"], 0) + len(violation["nodes"])
    record_axe(f"{name}-{scheme}", {
        "axe": results["testEngine"]["version"],
        "violations": {v["id"]: len(v["nodes"]) for v in results["violations"]},
        "by_impact": by_impact,
        "incomplete": {v["id"]: len(v["nodes"]) for v in results["incomplete"]},
    })
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in results["violations"]
               if v["impact"] in {"serious", "critical"}]
    assert not serious, serious


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_labbook_components_pass_aa_contrast(open_tab, scheme: str) -> None:
    """Every badge, chip (pressed or not), button, topic and member name has text contrast of at least 4.5:1
    in both schemes, computed from the colours the browser really paints."""
    tab = open_tab(color_scheme=scheme)
    page = tab.open("publications/?topic=Theory&selected=true")
    page.click("article.lb-pub:not([hidden]) button.lb-toggle")  # an expanded (filled) button too
    measured = page.evaluate(_CONTRAST_JS, COMPONENTS)
    assert len(measured) > 30
    assert {m["cls"] for m in measured} >= {"lb-chip", "lb-badge lb-badge-venue lb-kind-conference"}
    low = [m for m in measured if m["ratio"] < AA]
    assert not low, low
    tab.open("publications/zeng2024expressive/")
    low = [m for m in page.evaluate(_CONTRAST_JS, COMPONENTS + ", .lb-copy") if m["ratio"] < AA]
    assert not low, low
    for path in ("people/", "talks/?kind=seminar", "news/", "openings/"):
        tab.open(path)
        measured = page.evaluate(_CONTRAST_JS, COMPONENTS)
        assert measured, path
        low = [m for m in measured if m["ratio"] < AA]
        assert not low, (path, low)


def test_palette_toggle_switches_to_the_dark_scheme(open_tab) -> None:
    """Material's palette toggle switches the page to the slate scheme, and labbook's colours follow."""
    page = open_tab(color_scheme="light").open("publications/")
    before = page.eval_on_selector(".lb-btn", "el => getComputedStyle(el).color")
    page.click("label.md-header__button[for^='__palette']:visible")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    after = page.eval_on_selector(".lb-btn", "el => getComputedStyle(el).color")
    assert after != before
    low = [m for m in page.evaluate(_CONTRAST_JS, COMPONENTS) if m["ratio"] < AA]
    assert not low, low


@pytest.mark.parametrize("name", list(MAIN_PAGES))
def test_no_request_leaves_the_site(open_tab, name: str) -> None:
    """Opening a page (and using Material's search on it) requests nothing from any other host: no web
    fonts, no CDN, no GitHub API."""
    tab = open_tab()
    page = tab.open(MAIN_PAGES[name], idle=True)
    page.click("input.md-search__input")
    page.keyboard.type("theory")  # key by key: Material's search listens to keyboard events
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("assets/labbook/labbook.js") for u in tab.requests)
    assert any("search_index.json" in u for u in tab.requests)
    assert tab.third_party() == []


@pytest.mark.parametrize("name", list(MAIN_PAGES))
def test_phone_width_fits_without_horizontal_scrolling(open_tab, name: str) -> None:
    """At 360 px wide nothing sticks out sideways."""
    tab = open_tab(viewport=PHONE)
    page = tab.open(MAIN_PAGES[name])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: {width}px wide"
    if name in {"publications-filtered", "home", "people", "talks"}:
        tab.screenshot(f"{name}-phone")


def test_keyboard_focus_is_visible(open_tab) -> None:
    """Tabbing onto a filter chip, a card's button and a link gives each a visible outline."""
    page = open_tab().open("publications/")
    for selector in (".lb-chip", "article.lb-pub .lb-btn", "article.lb-pub .lb-pub-title a", "#lb-f-q"):
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # a keyboard focus, so :focus-visible applies
        style = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                              " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
        assert style[0] != "none" and style[1] >= 1, (selector, style)
