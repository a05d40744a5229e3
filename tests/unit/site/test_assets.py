"""labbook.site.assets: labbook's own files and the self-hosted MathJax are found and placed under assets/."""

from __future__ import annotations

import re

from labbook.site.assets import (
    MATH_MARKER,
    MATHJAX_DIR,
    has_math,
    mark_math,
    mathjax_assets,
    scripts,
    site_assets,
    stylesheets,
)


def test_labbook_assets_exist() -> None:
    """The stylesheet and script every site gets are real files of the package."""
    assets = site_assets(mathjax=False)
    assert [a.dest for a in assets] == ["assets/labbook/labbook.css", "assets/labbook/labbook.js"]
    assert all(a.source.is_file() for a in assets)


def test_mathjax_files_keep_mathjax_layout() -> None:
    """MathJax, its CommonHTML fonts and its TeX extensions are copied with the folder layout MathJax expects
    (it finds fonts and extensions relative to its own script); labbook.js configures it."""
    assets = mathjax_assets()
    dests = {a.dest for a in assets}
    assert f"{MATHJAX_DIR}/tex-mml-chtml.js" in dests
    assert not any(d.endswith("mathjax-config.js") for d in dests)
    fonts = [d for d in dests if d.startswith(f"{MATHJAX_DIR}/output/chtml/fonts/woff-v2/")]
    assert len(fonts) >= 20 and all(f.endswith(".woff") for f in fonts)
    assert f"{MATHJAX_DIR}/input/tex/extensions/boldsymbol.js" in dests
    assert all(a.source.is_file() for a in assets)
    assert not any("/sre/" in d for d in dests)
    assert len(dests) == len(assets)


def test_mathjax_version_is_3() -> None:
    """The bundled MathJax is a 3.x release (the configuration script is written for MathJax 3)."""
    script = next(a.source for a in mathjax_assets() if a.dest.endswith("tex-mml-chtml.js"))
    assert re.search(r'VERSION="3\.\d+\.\d+"', script.read_text(encoding="utf-8"))


def test_scripts_and_styles_never_include_mathjax() -> None:
    """Every page loads labbook's stylesheet and script only; MathJax is requested by labbook.js where needed."""
    assert stylesheets() == ["assets/labbook/labbook.css"]
    assert scripts() == ["assets/labbook/labbook.js"]


def test_math_marker_only_on_pages_with_math_and_mathjax_on() -> None:
    """A page with arithmatex's markup gets the marker when labbook hosts MathJax; other pages never do."""
    with_math = '<p>Let <span class="arithmatex">\\(x\\)</span> be.</p>'
    assert has_math(with_math) and not has_math("<p>no math, not even $x$</p>")
    assert mark_math(with_math, mathjax=True) == with_math + MATH_MARKER
    assert mark_math(with_math, mathjax=False) == with_math
    assert mark_math("<p>plain</p>", mathjax=True) == "<p>plain</p>"


def test_own_assets_are_minified_and_library_files_copied_as_they_are() -> None:
    """labbook.css and labbook.js are shipped minified (smaller, no comments); MathJax's files are untouched."""
    for asset in site_assets(mathjax=False):
        source = asset.source.read_text(encoding="utf-8")
        shipped = asset.content().decode("utf-8")
        assert asset.own and len(shipped) < 0.85 * len(source)
        assert "/*" in source and "/*" not in shipped
    mathjax = next(a for a in mathjax_assets() if a.dest.endswith("tex-mml-chtml.js"))
    assert not mathjax.own and mathjax.content() == mathjax.source.read_bytes()
