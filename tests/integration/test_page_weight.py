"""What a page transfers: MathJax only where there is math, labbook's assets minified, no layout shift from the
filters, and a meta description of its own on every generated list page (real `mkdocs build --strict` runs)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from labbook.site.assets import PACKAGE_TEMPLATES

pytestmark = pytest.mark.slow

BIB = r"""
@article{plain2024, title = {A Paper Without Math}, author = {Lee, Kangwook}, journal = {J. Tests}, year = {2024}}
"""

MATH_BIB = BIB + r"""
@article{mathy2023, title = {Bounds for $O(n \log n)$ Sorting}, author = {Lee, Kangwook}, journal = {J. Tests},
  year = {2023}}
@article{odd2022, title = {A $\foo{q}$ Case}, author = {Lee, Kangwook}, journal = {J. Tests}, year = {2022}}
"""


def scripts(html: str) -> list[str]:
    """Every script source and inline script of a built page."""
    soup = BeautifulSoup(html, "html.parser")
    return [s.get("src") or s.get_text() for s in soup.find_all("script")]


def has_marker(html: str) -> bool:
    return BeautifulSoup(html, "html.parser").select_one("[data-lb-mathjax]") is not None


def test_mathjax_only_where_there_is_math(make_site) -> None:
    """With ``mathjax: true``, no page links MathJax by a script tag; only pages whose content holds math for it
    (a lab's own Markdown page, or data with a formula latex2mathml could not make MathML) carry the marker that
    makes labbook.js load it. Data math that became MathML needs no MathJax."""
    build = make_site({
        "data/publications.bib": MATH_BIB,
        "docs/theory.md": "# Theory\n\nEuler: $e^{i\\pi} + 1 = 0$.\n",
        "docs/plain.md": "# Plain\n\nNo math here, only a price of $5.\n",
    }, labbook={"mathjax": True})
    pages = {p: build.html(p) for p in ("index.html", "plain/index.html", "theory/index.html",
                                        "publications/index.html", "publications/mathy2023/index.html",
                                        "publications/plain2024/index.html", "publications/odd2022/index.html")}
    for path, html in pages.items():
        assert not [s for s in scripts(html) if "mathjax" in s.lower() and "labbook.js" not in s], path
    with_math = {p for p, html in pages.items() if has_marker(html)}
    assert with_math == {"theory/index.html", "publications/index.html", "publications/odd2022/index.html"}
    assert "<math" in pages["publications/mathy2023/index.html"]
    assert (build.site / "assets/labbook/mathjax/tex-mml-chtml.js").is_file()
    assert not (build.site / "assets/labbook/mathjax-config.js").exists()


def test_no_marker_without_the_mathjax_option(make_site) -> None:
    """A site that loads its own math renderer (``mathjax: false``) gets no marker and no MathJax files."""
    build = make_site({"data/publications.bib": MATH_BIB})
    assert not has_marker(build.html("publications/mathy2023/index.html"))
    assert not (build.site / "assets/labbook/mathjax").exists()


def test_assets_are_minified_and_still_valid(make_site, tmp_path: Path) -> None:
    """The built labbook.css and labbook.js are the minified files; the script still parses (node --check)."""
    build = make_site({"data/publications.bib": BIB})
    css = (build.site / "assets/labbook/labbook.css").read_text(encoding="utf-8")
    js = (build.site / "assets/labbook/labbook.js").read_text(encoding="utf-8")
    assert "/*" not in css and "\n\n" not in css and ".lb-pub" in css
    assert "/*" not in js and "setUpMath" in js
    node = shutil.which("node")
    if node:
        check = subprocess.run([node, "--check", str(build.site / "assets/labbook/labbook.js")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_filters_are_drawn_from_the_start(make_site) -> None:
    """The filter form is not hidden in the HTML (the script does not unhide it, so nothing shifts); a
    <noscript> style hides it, and the "et al." buttons, when JavaScript is off."""
    build = make_site({"data/publications.bib": BIB})
    soup = BeautifulSoup(build.html("publications/index.html"), "html.parser")
    form = soup.select_one("form.lb-facets")
    assert form is not None and not form.has_attr("hidden")
    noscript = soup.head.find("noscript")
    assert noscript is not None and ".lb-facets" in str(noscript)
    assert ".lb-toggle[data-lb-src]" in str(noscript)  # the toggles that fetch from the entry's page


def test_no_style_waits_for_the_script() -> None:
    """No rule of labbook.css depends on the class labbook.js puts on <html>: changing a class there after the
    first paint restyles the whole page (what needs JavaScript is hidden by the <noscript> style instead)."""
    css = (PACKAGE_TEMPLATES / "assets" / "labbook.css").read_text(encoding="utf-8")
    assert "lb-js" not in re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def test_each_list_page_has_its_own_description(make_site) -> None:
    """Every generated list page has a meta description of its own, different from the site's and each other's."""
    build = make_site({
        "data/publications.bib": BIB,
        "data/people.yml": "- id: kangwook-lee\n  name: Kangwook Lee\n  role: pi\n",
        "data/talks.yml": "- id: t1\n  title: A Talk\n  date: 2024-03-01\n  speaker: kangwook-lee\n",
        "data/news.yml": "- date: 2024-01-01\n  text: Hello.\n",
    }, extra_config={"site_description": "The site's own description."})
    seen = {}
    for path in ("publications", "people", "talks", "news"):
        soup = BeautifulSoup(build.html(f"{path}/index.html"), "html.parser")
        meta = soup.select_one('meta[name="description"]')
        assert meta is not None, path
        seen[path] = meta["content"]
    assert "The site's own description." not in seen.values()
    assert len(set(seen.values())) == len(seen)
    assert seen["publications"].startswith("All 1 publication of the lab, 2024")


def test_search_index_script_runs_before_materials(make_site, tmp_path: Path) -> None:
    """Every page, the lab's own and generated ones, carries the inline script that holds Material's search
    index back (search-later.js) in its <head>, so it runs before Material's bundle; the script parses."""
    build = make_site({"data/publications.bib": BIB, "docs/plain.md": "# Plain\n\nA page.\n"})
    for path in ("index.html", "plain/index.html", "publications/index.html", "publications/plain2024/index.html"):
        found = scripts(build.html(path))
        later = [i for i, s in enumerate(found) if "search_index" in s and "XMLHttpRequest" in s]
        bundle = [i for i, s in enumerate(found) if "javascripts/bundle." in s]
        assert len(later) == 1 and bundle and later[0] < bundle[0], (path, found)
        soup = BeautifulSoup(build.html(path), "html.parser")
        assert any("XMLHttpRequest" in s.get_text() for s in soup.head.find_all("script")), path
    node = shutil.which("node")
    if node:
        source = tmp_path / "search-later.js"
        source.write_text(scripts(build.html("index.html"))[later[0]], encoding="utf-8")
        check = subprocess.run([node, "--check", str(source)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
