"""labbook.site.assets: labbook's own files and the self-hosted MathJax are found and placed under assets/."""

from __future__ import annotations

import re

from labbook.site.assets import MATHJAX_DIR, mathjax_assets, scripts, site_assets, stylesheets


def test_labbook_assets_exist() -> None:
    """The stylesheet and script every site gets are real files of the package."""
    assets = site_assets(mathjax=False)
    assert [a.dest for a in assets] == ["assets/labbook/labbook.css", "assets/labbook/labbook.js"]
    assert all(a.source.is_file() for a in assets)


def test_mathjax_files_keep_mathjax_layout() -> None:
    """MathJax, its CommonHTML fonts and its TeX extensions are copied with the folder layout MathJax expects
    (it finds fonts and extensions relative to its own script), plus labbook's configuration."""
    assets = mathjax_assets()
    dests = {a.dest for a in assets}
    assert f"{MATHJAX_DIR}/tex-mml-chtml.js" in dests
    assert "assets/labbook/mathjax-config.js" in dests
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


def test_scripts_and_styles_in_load_order() -> None:
    """MathJax's configuration comes before MathJax; without the option neither is loaded."""
    assert stylesheets() == ["assets/labbook/labbook.css"]
    assert scripts(mathjax=False) == ["assets/labbook/labbook.js"]
    assert scripts(mathjax=True) == ["assets/labbook/labbook.js", "assets/labbook/mathjax-config.js",
                                     f"{MATHJAX_DIR}/tex-mml-chtml.js"]
