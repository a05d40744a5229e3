"""Static files labbook adds to every site: its own CSS and JavaScript and, when asked, a self-hosted MathJax.

Everything a page loads comes from the site itself, so a reader's browser never contacts a CDN (privacy, and
``mkdocs serve`` works offline). MathJax comes from the ``django-static-mathjax`` distribution, which holds
MathJax's released files as plain package data (its ``mathjax`` package needs no Django to be read).

labbook's own CSS and JavaScript are minified on the way into the site (:mod:`labbook.site.minify`). MathJax is
never linked from every page: a page whose HTML holds arithmatex math gets :data:`MATH_MARKER`, and
``labbook.js`` requests MathJax on such a page only (see :func:`mark_math`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from labbook.render.environment import PACKAGE_TEMPLATES
from labbook.site.minify import minify

#: Where labbook's files go in the built site.
ASSET_DIR = "assets/labbook"

#: MathJax's folder inside the built site; MathJax finds its fonts and extensions relative to its own script.
MATHJAX_DIR = f"{ASSET_DIR}/mathjax"

#: The parts of MathJax's ``es5/`` build that a page may load: the combined TeX/MathML-to-HTML component, the
#: fonts of its CommonHTML output, the TeX extensions it loads on demand (``\boldsymbol``, ``\cancel``, ...)
#: and the ``safe`` extension that filters links, classes, ids and styles math from data could set.
#: The speech-rule engine (``sre/``, 4 MB) that only the context menu's accessibility explorer loads is left out.
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions", "ui/safe.js")


#: What pymdownx.arithmatex (generic mode) and labbook's TeX converter write around math.
ARITHMATEX = 'class="arithmatex"'

#: Put at the end of a page's content when the page holds math: ``labbook.js`` loads MathJax for it. Inside the
#: content, so Material's instant navigation brings it along with the page.
MATH_MARKER = '<div class="lb-mathjax" data-lb-mathjax hidden></div>'

#: In every page's ``<head>``: without JavaScript the filters (which would do nothing), the "et al." buttons and
#: the Abstract and BibTeX toggles that fetch from the entry's page are hidden (the title links to that page),
#: and every author shows. With JavaScript they are there from the first paint, so nothing shifts when the
#: script arrives; and no rule depends on a class the script sets on ``<html>``, as changing a class there
#: restyles the whole page after it is drawn.
NOSCRIPT_STYLE = ("<noscript><style>.lb-facets,.lb-etal,.lb-toggle[data-lb-src]{display:none!important}"
                  ".lb-authors-rest{display:inline!important}</style></noscript>")


@cache
def search_later_script() -> str:
    """The ``<script>`` in every page's ``<head>`` that holds Material's search index back until the reader
    reaches for the page or it has loaded (why: ``search-later.js``). Inline, as it must run before Material's
    script, and a file of its own would be one more request before the page is drawn."""
    source = PACKAGE_TEMPLATES / "assets" / "search-later.js"
    return "<script>" + minify(source.name, source.read_bytes()).decode("utf-8") + "</script>"


@dataclass(frozen=True)
class Asset:
    """One file to add to the site: its path in the site and the file it is copied from."""

    dest: str
    source: Path

    @property
    def own(self) -> bool:
        """Whether this is one of labbook's own files (minified on the way), not a copied library file."""
        return self.source.parent == PACKAGE_TEMPLATES / "assets"

    def content(self) -> bytes:
        """The bytes to write: labbook's own CSS and JavaScript minified, anything else as it is."""
        data = self.source.read_bytes()
        return minify(self.source.name, data) if self.own else data


def labbook_assets() -> list[Asset]:
    """labbook's stylesheet and script."""
    return [Asset(f"{ASSET_DIR}/{name}", PACKAGE_TEMPLATES / "assets" / name) for name in ("labbook.css", "labbook.js")]


def mathjax_root() -> Path:
    """MathJax's ``es5/`` folder inside the installed ``mathjax`` package (from django-static-mathjax)."""
    root = resources.files("mathjax") / "static" / "mathjax" / "es5"
    return Path(str(root))


def mathjax_assets() -> list[Asset]:
    """The MathJax files to self-host (see :data:`MATHJAX_PARTS`); ``labbook.js`` configures MathJax."""
    root = mathjax_root()
    out: list[Asset] = []
    for part in MATHJAX_PARTS:
        path = root / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        out += [Asset(f"{MATHJAX_DIR}/{p.relative_to(root).as_posix()}", p) for p in files]
    return out


def stylesheets() -> list[str]:
    """Site paths of the stylesheets every page links, in order."""
    return [f"{ASSET_DIR}/labbook.css"]


def scripts() -> list[str]:
    """Site paths of the scripts every page loads (MathJax is not one: ``labbook.js`` loads it where needed)."""
    return [f"{ASSET_DIR}/labbook.js"]


def has_math(html: str) -> bool:
    """Whether a page's content holds math for MathJax (arithmatex's markup, from Markdown or from data)."""
    return ARITHMATEX in html


def mark_math(html: str, *, mathjax: bool) -> str:
    """``html`` with :data:`MATH_MARKER` at its end when labbook self-hosts MathJax and the page holds math."""
    return html + MATH_MARKER if mathjax and has_math(html) else html


def site_assets(*, mathjax: bool) -> list[Asset]:
    """Every static file labbook adds to a site."""
    return labbook_assets() + (mathjax_assets() if mathjax else [])
