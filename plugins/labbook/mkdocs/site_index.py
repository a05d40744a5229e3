"""Putting reused pages back into Material's search index and MkDocs' sitemap after a serve rebuild.

A page left out of a rebuild is missing from ``search/search_index.json`` and ``sitemap.xml``; its entries from
the build that made it are put back, in the order a full build writes them, so the served site is the one a
full build makes. Both files are read in the exact formats Material 9 and MkDocs 1.6 write; anything else is a
``ValueError`` and the caller stops reusing pages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

#: Material writes its index as ``{"config": ..., "docs": [...]}`` with these separators.
_SEPARATORS = (",", ":")
_URL_BLOCK = re.compile(r"[ \t]*<url>.*?</url>\n?", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.DOTALL)


def page_url(file: File) -> str:
    """``Page.url`` of a documentation file: the home page is "" (its ``File.url`` is "./")."""
    return "" if file.url in (".", "./") else file.url


def read_search_index(path: Path) -> dict[str, Any] | None:
    """Material's search index, or ``None`` when the site has none."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    if not (isinstance(data, dict) and isinstance(data.get("docs"), list) and text.startswith('{"config":')):
        raise ValueError("the search index is not in the format labbook knows")
    return data


def entries_by_url(index: dict[str, Any]) -> dict[str, list[str]]:
    """Each page URL's search entries, serialised as Material writes them."""
    by_url: dict[str, list[str]] = {}
    for entry in index["docs"]:
        by_url.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(
            json.dumps(entry, separators=_SEPARATORS, default=str))
    return by_url


def write_search_index(path: Path, index: dict[str, Any], pages: Iterable[tuple[str, list[str]]],
                       by_url: dict[str, list[str]]) -> None:
    """Write the index with ``pages`` ((url, entries) in the site's page order), then the entries of no known
    page (another plugin's) as they were."""
    parts: list[str] = []
    seen: set[str] = set()
    for url, entries in pages:
        if url in seen:
            continue
        seen.add(url)
        parts += entries
    for url, entries in by_url.items():
        if url not in seen:
            parts += entries
    config = json.dumps(index.get("config"), separators=_SEPARATORS, default=str)
    path.write_text('{"config":' + config + ',"docs":[' + ",".join(parts) + "]}", encoding="utf-8")


def read_sitemap(path: Path) -> tuple[str, list[str], str] | None:
    """(text before the first <url>, the <url> blocks, text after the last), or None without a sitemap."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    blocks = list(_URL_BLOCK.finditer(text))
    if not blocks:
        return text, [], ""
    return text[: blocks[0].start()], [m.group(0) for m in blocks], text[blocks[-1].end():]


def blocks_by_loc(blocks: list[str]) -> dict[str, str]:
    """Each ``<url>`` block of a sitemap under its ``<loc>``."""
    out: dict[str, str] = {}
    for block in blocks:
        found = _LOC.search(block)
        out[found.group(1) if found else ""] = block
    return out


def sitemap_loc(config: MkDocsConfig, file: File) -> str:
    """A page's ``<loc>`` as MkDocs' sitemap template writes it: the canonical URL, HTML-escaped."""
    base = config.site_url or ""
    if not base:
        return ""
    return str(escape(urljoin(base if base.endswith("/") else base + "/", page_url(file))))


def write_sitemap(path: Path, head: str, tail: str, pages: Iterable[tuple[str, str]],
                  by_loc: dict[str, str]) -> None:
    """Write the sitemap with ``pages`` ((loc, block) in the site's page order), then the blocks of no known
    page; ``sitemap.xml.gz`` beside it is rewritten the way MkDocs writes it, with the timestamp it chose."""
    blocks: list[str] = []
    seen: set[str] = set()
    for loc, block in pages:
        if loc in seen:
            continue
        seen.add(loc)
        if block:
            blocks.append(block)
    blocks += [block for loc, block in by_loc.items() if loc not in seen]
    text = head + "".join(blocks) + tail
    path.write_text(text, encoding="utf-8")
    gz = path.with_name(path.name + ".gz")
    if gz.is_file():
        mtime = int.from_bytes(gz.read_bytes()[4:8], "little")
        with gz.open("wb") as raw, gzip.GzipFile(filename=str(gz), mode="wb", fileobj=raw, mtime=mtime) as out:
            out.write(text.encode("utf-8"))
