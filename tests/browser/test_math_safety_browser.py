"""MathJax's safe extension in a real browser: TeX from data cannot make links to other schemes or set the
page's classes, ids and styles (item 2 of issue 10)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import SiteServer
from tests.conftest import run_build, write_site

pytestmark = pytest.mark.browser

HOSTILE_MATH = (r"$\href{javascript:alert(1)}{x} + \style{position:fixed;top:0;left:0;width:100%;height:100%}{y}"
                r" + \class{md-header}{z} + \cssId{lbx-evil}{w} + \href{https://ok.example/}{ok}$")
BIB = ("@article{evil,\n  title = {Math},\n  author = {Doe, Jane},\n  year = {2024},\n"
       f"  abstract = {{Abstract {HOSTILE_MATH}}},\n}}\n")


@pytest.fixture(scope="module")
def math_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site with ``mathjax: true`` whose abstract carries hostile TeX (built without --strict: the check
    reports it as an error, and the point here is what a plain build would still show)."""
    project = write_site(tmp_path_factory.mktemp("math-site"), {"data/publications.bib": BIB},
                         labbook={"mathjax": True}, extra_config={"theme": {"name": "material", "font": False}})
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.log
    assert "error: entry 'evil': field 'abstract' uses TeX that MathJax would let out of the formula" in result.log
    with SiteServer(project / "site").running() as url:
        yield url


def test_safe_extension_filters_links_classes_ids_and_styles(open_tab: Any, math_site_url: str) -> None:
    """Item 2 of issue 10: the formula is typeset, its https link works, and nothing it carries is a
    javascript: link, a fixed-position style, one of the page's classes or an id of its choosing."""
    tab = open_tab(base=math_site_url)
    page = tab.open("publications/evil/")
    page.wait_for_selector(".lb-abstract mjx-container", timeout=15_000)
    found = page.evaluate("""() => {
      const math = document.querySelector(".lb-abstract mjx-container");
      const all = Array.from(math.querySelectorAll("*"));
      return {
        hrefs: Array.from(document.querySelectorAll("[href]")).map(e => e.getAttribute("href")),
        mathLinks: all.filter(e => e.hasAttribute("href")).map(e => e.getAttribute("href")),
        styles: all.map(e => e.getAttribute("style") || "").filter(s => /position|width:\\s*100%/.test(s)),
        classes: all.filter(e => e.classList.contains("md-header")).length,
        ids: document.querySelectorAll("#lbx-evil").length,
        safe: Array.from(document.scripts).some(s => s.src.endsWith("mathjax/ui/safe.js")),
      };
    }""")
    assert not [h for h in found["hrefs"] if h.strip().lower().startswith("javascript")]
    assert set(found["mathLinks"]) == {"https://ok.example/"}  # (the assistive MathML copy has it too)
    assert found["styles"] == [] and found["classes"] == 0 and found["ids"] == 0
    assert found["safe"]
    assert all(u.startswith(math_site_url) for u in tab.requests if "mathjax" in u)
