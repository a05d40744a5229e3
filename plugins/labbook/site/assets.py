"""Static files labbook adds to every site: its own CSS and JavaScript and, when asked, a self-hosted MathJax.

Everything a page loads comes from the site itself, so a reader's browser never contacts a CDN (privacy, and
``mkdocs serve`` works offline). MathJax comes from the ``django-static-mathjax`` distribution, which holds
MathJax's released files as plain package data (its ``mathjax`` package needs no Django to be read).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from labbook.render.environment import PACKAGE_TEMPLATES

#: Where labbook's files go in the built site.
ASSET_DIR = "assets/labbook"

#: MathJax's folder inside the built site; MathJax finds its fonts and extensions relative to its own script.
MATHJAX_DIR = f"{ASSET_DIR}/mathjax"

#: The parts of MathJax's ``es5/`` build that a page may load: the combined TeX/MathML-to-HTML component, the
#: fonts of its CommonHTML output, the TeX extensions it loads on demand (``\boldsymbol``, ``\cancel``, ...)
#: and the ``safe`` extension that filters links, classes, ids and styles math from data could set.
#: The speech-rule engine (``sre/``, 4 MB) that only the context menu's accessibility explorer loads is left out.
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions", "ui/safe.js")


@dataclass(frozen=True)
class Asset:
    """One file to add to the site: its path in the site and the file it is copied from."""

    dest: str
    source: Path


def labbook_assets() -> list[Asset]:
    """labbook's stylesheet and script."""
    return [Asset(f"{ASSET_DIR}/{name}", PACKAGE_TEMPLATES / "assets" / name) for name in ("labbook.css", "labbook.js")]


def mathjax_root() -> Path:
    """MathJax's ``es5/`` folder inside the installed ``mathjax`` package (from django-static-mathjax)."""
    root = resources.files("mathjax") / "static" / "mathjax" / "es5"
    return Path(str(root))


def mathjax_assets() -> list[Asset]:
    """The MathJax files to self-host (see :data:`MATHJAX_PARTS`) and labbook's MathJax configuration."""
    root = mathjax_root()
    out = [Asset(f"{ASSET_DIR}/mathjax-config.js", PACKAGE_TEMPLATES / "assets" / "mathjax-config.js")]
    for part in MATHJAX_PARTS:
        path = root / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        out += [Asset(f"{MATHJAX_DIR}/{p.relative_to(root).as_posix()}", p) for p in files]
    return out


def stylesheets() -> list[str]:
    """Site paths of the stylesheets every page links, in order."""
    return [f"{ASSET_DIR}/labbook.css"]


def scripts(*, mathjax: bool) -> list[str]:
    """Site paths of the scripts every page loads, in order (MathJax's configuration before MathJax)."""
    out = [f"{ASSET_DIR}/labbook.js"]
    if mathjax:
        out += [f"{ASSET_DIR}/mathjax-config.js", f"{MATHJAX_DIR}/tex-mml-chtml.js"]
    return out


def site_assets(*, mathjax: bool) -> list[Asset]:
    """Every static file labbook adds to a site."""
    return labbook_assets() + (mathjax_assets() if mathjax else [])
