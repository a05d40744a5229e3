"""Formatted citations kept between builds in ``.labbook/cache/citations.json``.

Every publication page's Cite menu holds the entry in each of the site's CSL styles, and citeproc-py takes a
few milliseconds per entry and style: seconds for a lab of a few hundred papers, more than a minute for
5,000 in five styles. The same entry in the same style always reads the same, so each formatted citation is
stored under a hash of what decides it (the CSL-JSON item, the style file's bytes, the versions of citeproc-py
and of labbook's formatting code) and the next build (a second ``mkdocs build``, a restarted ``mkdocs
serve``, CI with ``.labbook/`` cached) formats only what changed.

The file is JSON, and a stored citation is used only if it is markup citeproc-py's HTML formatter can make
(its tags, text and entities): a cache file someone else wrote can neither run code in the build nor put a
script in a page. An unreadable or foreign file is ignored and replaced; a folder that cannot be written
only costs the next build its head start.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from markupsafe import Markup

from labbook import __version__
from labbook.exports import citations, csl_lookups
from labbook.exports.citations import CitationStyle, format_item
from labbook.exports.csl_json import publication_to_csl
from labbook.model.publication import Publication
from labbook.site.citation_pool import MIN_CITATIONS, CitationPool, Job, may_fork, worker_count

FILE_NAME = "citations.json"
#: Bumped when the file's layout changes.
FORMAT = 1
#: How many citations no page of the build used may stay in the file (entries edited many times leave old ones).
SPARE = 1000
#: What citeproc-py's HTML formatter writes besides escaped text (see citeproc/formatter/html.py).
_FORMATTER_TAG = re.compile(r'</?(?:i|b|l|u|sup|sub)>|<span style="font-variant:small-caps;">|</span>')
_SOURCES = (citations.__file__, csl_lookups.__file__, publication_to_csl.__code__.co_filename)


def plausible_citation(html: str) -> bool:
    """Whether ``html`` could have come from citeproc-py's HTML formatter: its tags only, no other markup."""
    rest = _FORMATTER_TAG.sub("", html)
    return "<" not in rest and ">" not in rest


class CitationStore:
    """Formatted citations of one site, read from and written to ``folder/citations.json``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._stored: dict[str, str] = {}
        self._style_digests: dict[Path, str] = {}
        self._used: set[str] = set()
        self._items: dict[str, tuple[dict[str, Any], str]] = {}  # entry key -> CSL-JSON item, its JSON
        self._changed = False
        self._pool: CitationPool | None = None
        self.prefetching: tuple[int, int] | None = None
        """(citations, worker processes) when :meth:`prefetch` started workers."""
        self._version = _code_version()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and isinstance(data.get("citations"), dict):
                self._stored = {k: v for k, v in data["citations"].items()
                                if isinstance(k, str) and isinstance(v, str) and plausible_citation(v)}
        except (OSError, ValueError, AttributeError):
            pass  # no file yet, or one we cannot read: start empty

    def prefetch(self, pubs: Sequence[Publication], styles: Sequence[CitationStyle]) -> None:
        """Start formatting, in worker processes, the citations of ``pubs`` in ``styles`` that are not stored
        (when there are enough of them and workers may be used: see :mod:`labbook.site.citation_pool`)."""
        workers = worker_count()
        if not workers or len(pubs) * len(styles) < MIN_CITATIONS or not may_fork():
            return  # (mkdocs serve has other threads: no workers, and no need to look at every entry here)
        jobs: list[Job] = []
        for pub in pubs:
            wanted = [(key, i) for i, style in enumerate(styles) if (key := self._key(pub, style)) not in self._stored]
            if wanted:
                jobs.append((pub.key, self._item(pub)[0], wanted))
        count = sum(len(w) for _, _, w in jobs)
        if count >= MIN_CITATIONS:
            self._pool = CitationPool(jobs, styles, workers)
            self.prefetching = (count, workers)

    def format(self, pub: Publication, style: CitationStyle) -> Markup:
        """``pub`` in ``style`` (as :func:`~labbook.exports.citations.format_citation` makes it), stored."""
        key = self._key(pub, style)
        self._used.add(key)
        found = self._stored.get(key)
        if found is None and self._pool is not None:
            made = self._pool.results_for(pub.key)
            if made:
                self._stored.update(made)
                self._changed = True
            found = self._stored.get(key)
        if found is not None:
            return Markup(found)
        html = format_item(self._item(pub)[0], style)  # format_citation, with the item made once
        self._stored[key] = str(html)
        self._changed = True
        return html

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def save(self, *, every_page_built: bool = True) -> None:
        """Stop the workers and write the citations formatted since the file was read (nothing when none were).

        After a build of every page, citations no page used are dropped once there are many of them
        (:data:`SPARE`); after a `mkdocs serve` rebuild that reused pages (``every_page_built=False``) the
        citations of those pages were not asked for, and all are kept."""
        self.close()
        if not self._changed:
            return
        if every_page_built and len(self._stored) > 2 * len(self._used) + SPARE:
            self._stored = {k: v for k, v in self._stored.items() if k in self._used}
        try:
            folder = self.path.parent
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# labbook's caches: never commit them\n*\n", encoding="utf-8")
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"format": FORMAT, "citations": self._stored}, ensure_ascii=False),
                           encoding="utf-8")
            tmp.replace(self.path)
            self._changed = False
        except OSError:
            pass  # a read-only checkout still builds, just without a head start next time

    def _key(self, pub: Publication, style: CitationStyle) -> str:
        style_digest = self._style_digests.get(style.path)
        if style_digest is None:
            style_digest = self._style_digests[style.path] = hashlib.sha256(
                self._version.encode() + style.path.read_bytes()).hexdigest()
        return hashlib.sha256(f"{style_digest}\0{self._item(pub)[1]}".encode()).hexdigest()[:40]

    def item(self, pub: Publication) -> dict[str, Any]:
        """``pub``'s CSL-JSON item, made once per build (the entry's exports use it too)."""
        return self._item(pub)[0]

    def _item(self, pub: Publication) -> tuple[dict[str, Any], str]:
        """``pub``'s CSL-JSON item and its JSON (what a stored citation's key is made from), made once."""
        found = self._items.get(pub.key)
        if found is None:
            item = publication_to_csl(pub)
            found = self._items[pub.key] = (item, json.dumps(item, sort_keys=True, ensure_ascii=False))
        return found


def _code_version() -> str:
    """citeproc-py's version and labbook's formatting code: a change to either formats every entry again."""
    digest = hashlib.sha256(f"{__version__}\0{metadata.version('citeproc-py')}".encode())
    for source in _SOURCES:
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()
