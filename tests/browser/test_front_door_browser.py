"""The lab's front door in Chromium: landing page, people, a person, a CV and a paper's Cite menu, at 1280 px
and 360 px, light and dark: axe-core finds no violation, nothing scrolls sideways on a phone, and each view is
saved to test-artifacts/screenshots/ (the README's pictures are copies of these)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, record_axe

pytestmark = pytest.mark.browser

PAGES = {
    "landing": ("", None),
    "people": ("people/", None),
    "person": ("people/kangwook-lee/", None),
    "cv": ("people/kangwook-lee/cv/", None),
    "publication-cite": ("publications/zeng2024expressive/", "#cite"),
}

_AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_front_door_pages(open_tab, name: str, width: str, scheme: str) -> None:
    path, anchor = PAGES[name]
    tab = open_tab(color_scheme=scheme, viewport=DESKTOP if width == "desktop" else PHONE)
    page = tab.open(path)
    if anchor:
        page.evaluate("(id) => document.getElementById(id).scrollIntoView()", anchor[1:])
        page.evaluate("window.scrollBy(0, -64)")  # below the sticky header
    page.wait_for_timeout(200)
    tab.screenshot(f"{name}-{width}-{scheme}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    results = _AXE.run(page, options={"resultTypes": ["violations"]}).response
    record_axe(f"front-{name}-{width}-{scheme}", {v["id"]: len(v["nodes"]) for v in results["violations"]})
    assert not results["violations"], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                                       for v in results["violations"]]
