"""`mkdocs serve` rebuilds that skip the generated pages an edit did not change (part of the MkDocs adapter).

MkDocs rebuilds every page after every save, and for a lab with thousands of publication pages most of that
time goes to pages whose HTML comes out exactly as before: Markdown, the theme template, the search indexer,
and removing and writing thousands of files and folders cost a few milliseconds a page. During `mkdocs serve`
(and only then) labbook leaves out of the next build every page whose inputs are unchanged:

- its *page key* (the page's Markdown skeleton and a digest of the entry, see
  :attr:`labbook.render.generated.GeneratedPage.reuse_key`) is the one its current HTML was made from, and
- the *site key* is unchanged: labbook's options and templates, mkdocs.yml, the list of files, and the
  theme's files.

Before MkDocs empties the site folder, the folders holding such pages are moved aside (one rename each, so
nothing is copied or deleted). A left-out page is still known to MkDocs (Markdown links to it resolve) but
marked excluded, so MkDocs does not build it. After the build its HTML is moved back, and its entries are
put back into ``search/search_index.json`` and ``sitemap.xml`` in the order a full build writes them: the
served site is the one a full build makes.

Anything else that shapes every page (the title of a page in the nav, a plugin that changes each page) is
checked by a *probe*: one unchanged page is always built, and its HTML must come out the same as before.
If it does not, the pages left out may be stale, so a full rebuild is started at once (through a file the
server watches) and the next build leaves nothing out; after two such surprises reuse is switched off for
the session. `mkdocs serve --clean`, `--dirty` and `mkdocs build` never reuse anything.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from labbook.mkdocs.parking import Parking
from labbook.mkdocs.site_index import (
    blocks_by_loc,
    entries_by_url,
    page_url,
    read_search_index,
    read_sitemap,
    sitemap_loc,
    write_search_index,
    write_sitemap,
)
from labbook.mkdocs.static_reuse import StaticReuse
from labbook.mkdocs.theme_files import theme_state
from labbook.render.generated import GeneratedPage
from labbook.render.site_urls import base_for

log = logging.getLogger("mkdocs.plugins.labbook.mkdocs.reuse")

_MAX_SURPRISES = 2


@dataclass(slots=True)
class _Kept:
    """What is known of one page's output from an earlier build."""

    reuse_key: str
    dest: str  # the output file, relative to the site folder (POSIX)
    url: str  # the page's URL (as Page.url)
    search: list[str]  # the page's search entries, each serialised as Material writes it
    loc: str  # the page's URL in sitemap.xml
    sitemap: str  # the page's <url> block of sitemap.xml ("" when it has none)


def _digest(parts: Iterable[object]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def site_key(config: MkDocsConfig, files: Files, epoch: object) -> str:
    """A digest of what every generated page shares (apart from what only the probe can see)."""
    parts: list[object] = [epoch]
    if config.config_file_path:
        try:
            parts.append(Path(config.config_file_path).read_bytes())
        except OSError:
            parts.append(None)
    parts.append(sorted(f.src_uri for f in files))
    # an installed theme changes only with a restart (the probe would see it)
    parts += theme_state(config.theme.dirs)
    return _digest(parts)


class ServeReuse:
    """Decides which generated pages a serve rebuild may leave out, and puts their output back afterwards."""

    def __init__(self, *, enabled: bool = False) -> None:
        self.enabled = enabled
        self._kept: dict[str, _Kept] = {}
        self._site_key: str | None = None
        self._withheld: dict[str, File] = {}
        self._tracked: dict[str, tuple[GeneratedPage, File]] = {}
        self._probe: str | None = None
        self._in_nav: set[str] = set()
        self._force_full = False
        self._surprises = 0
        self._parking = Parking()
        self.static = StaticReuse()
        self._trigger: Path | None = None
        self.reused: list[str] = []
        """The ``src_uri`` of every page the current build left out to reuse."""

    # -- during the build ----------------------------------------------------------------------------------

    def park(self, config: MkDocsConfig) -> None:
        """Before MkDocs empties the site folder: move the folders holding kept pages out of its way."""
        self._parking.folder = None
        if not self.enabled or not (self._kept or self.static.tops()):
            return
        tops = {kept.dest.split("/", 1)[0] for kept in self._kept.values()} | self.static.tops()
        try:
            self._parking.park(Path(config.site_dir), tops)
        except OSError as exc:
            log.info(f"labbook: serve rebuilds will build every page from now on ({exc})")
            self._disable()

    def begin(self, config: MkDocsConfig, files: Files, epoch: object) -> None:
        """Start a build; ``files`` are the site's own files (before labbook adds its pages)."""
        self._withheld, self._tracked, self._probe = {}, {}, None
        self.reused = []
        if not self.enabled:
            return
        key = site_key(config, files, epoch)
        if key != self._site_key or self._force_full or self._parking.folder is None:
            self._kept = {}
        self._site_key, self._force_full = key, False
        self._in_nav = set(_nav_paths(config.nav))

    def keep_static(self, config: MkDocsConfig, files: Files) -> None:
        """Once every file of the build is known: unchanged static files are moved back, not copied again."""
        if self.enabled:
            self.static.plan(files, self._parking, Path(config.site_dir))

    def prepare(self, page: GeneratedPage, url: str, site_url: str | None) -> None:
        """Give a detail page without a :attr:`~GeneratedPage.reuse_key` one: a digest of its own HTML.

        Its slots and ``<head>`` are rendered now (and kept for the build, so they are not rendered twice);
        a page that does not know what it is made from can still be reused when that HTML is unchanged.
        """
        if not self.enabled or page.reuse_key is not None or page.in_nav:
            return
        base = base_for(url)
        slots = page.slots(base)
        canonical = urljoin(site_url if site_url.endswith("/") else site_url + "/", url) if site_url else None
        head = page.head(canonical, base) if page.head is not None else None
        page.reuse_key = _digest([page.src_uri, page.markdown, sorted(slots.items()), head, page.edit_path])
        render_slots, render_head = page.slots, page.head
        page.slots = lambda b: dict(slots) if b == base else render_slots(b)
        if render_head is not None:
            page.head = lambda c, b: head if (c, b) == (canonical, base) else render_head(c, b)

    def reuses(self, page: GeneratedPage) -> bool:
        """Whether MkDocs should leave ``page`` out of this build because its kept output will be reused."""
        kept = self._kept.get(page.src_uri) if self.enabled and page.src_uri not in self._in_nav else None
        if kept is None or page.reuse_key is None or kept.reuse_key != page.reuse_key:
            return False
        if self._probe is None:
            self._probe = page.src_uri  # built anyway, to check that pages still come out the same
            return False
        return True

    def track(self, page: GeneratedPage, file: File, *, reused: bool) -> None:
        """Remember a generated page's file, to keep or restore its output after the build."""
        if not self.enabled or page.reuse_key is None:
            return
        if reused:
            self._withheld[page.src_uri] = file
            self.reused.append(page.src_uri)
        else:
            self._tracked[page.src_uri] = (page, file)

    def finish(self, config: MkDocsConfig, files: Files) -> None:
        """After the build (and the search index): restore what was left out, keep what was built."""
        if not self.enabled:
            return
        try:
            self._finish(config, files)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.info(f"labbook: serve rebuilds will build every page from now on ({exc})")
            self._disable()
            self._request_full_build()
        finally:
            self._parking.clear()

    def failed(self) -> None:
        """The build failed: nothing kept can be trusted any more."""
        self._kept = {}
        self.static.forget()
        self._parking.clear()

    def _finish(self, config: MkDocsConfig, files: Files) -> None:
        site = Path(config.site_dir)
        probe_ok = self._check_probe(site)
        made: set[str] = set()
        for src_uri in self._withheld:
            self._parking.restore(site, self._kept[src_uri].dest, made)
        index_path = site / "search" / "search_index.json"
        index = read_search_index(index_path)
        by_url = entries_by_url(index) if index is not None else {}
        sitemap_path = site / "sitemap.xml"
        sitemap = read_sitemap(sitemap_path)
        by_loc = blocks_by_loc(sitemap[1]) if sitemap else {}
        kept = {src_uri: self._kept[src_uri] for src_uri in self._withheld}
        for src_uri, (page, file) in self._tracked.items():
            dest = Path(file.abs_dest_path)
            if page.reuse_key is not None and dest.is_file():
                url, loc = page_url(file), sitemap_loc(config, file)
                kept[src_uri] = _Kept(page.reuse_key, dest.relative_to(site).as_posix(), url, by_url.get(url, []),
                                      loc, by_loc.get(loc, ""))
        # Both files list pages in the order of a full build: every documentation page in the order of `files`.
        pages = [(file, self._kept[file.src_uri] if file.src_uri in self._withheld else None)
                 for file in files.documentation_pages(inclusion=lambda level: True)]
        if index is not None and self._withheld:
            write_search_index(index_path, index, ((k.url, k.search) if k is not None else
                                                   (page_url(f), by_url.get(page_url(f), [])) for f, k in pages),
                               by_url)
        if sitemap is not None and self._withheld:
            head, _blocks, tail = sitemap
            write_sitemap(sitemap_path, head, tail, ((k.loc, k.sitemap) if k is not None else
                                                     (sitemap_loc(config, f), by_loc.get(sitemap_loc(config, f), ""))
                                                     for f, k in pages), by_loc)
        self._kept = kept
        if not probe_ok:
            self._surprise()

    def _check_probe(self, site: Path) -> bool:
        if self._probe is None or self._probe not in self._tracked or self._parking.folder is None:
            return True
        kept = self._kept.get(self._probe)
        if kept is None:
            return False
        try:
            return self._parking.read(kept.dest) == (site / kept.dest).read_bytes()
        except OSError:
            return False

    # -- bookkeeping ---------------------------------------------------------------------------------------

    def watch(self, server: LiveReloadServer) -> None:
        """Let the dev server rebuild when a surprise asks for a full build."""
        if not self.enabled:
            return
        trigger_dir = Path(tempfile.mkdtemp(prefix="labbook-rebuild-"))
        self._trigger = trigger_dir / "full-build"
        self._trigger.write_text("0", encoding="utf-8")
        server.watch(str(trigger_dir))

    def close(self) -> None:
        """Remove labbook's temporary folders (at the end of `mkdocs serve`)."""
        self._parking.clear(wait=True)
        if self._trigger is not None:
            shutil.rmtree(self._trigger.parent, ignore_errors=True)
        self._trigger, self._kept = None, {}
        self.static.forget()

    def _surprise(self) -> None:
        self._surprises += 1
        if self._surprises >= _MAX_SURPRISES:
            log.info("labbook: pages changed in ways labbook cannot predict; serve rebuilds build every page now")
            self._disable()
        else:
            log.info("labbook: a change affects every page; rebuilding the pages that were reused")
            self._kept = {}
            self._force_full = True
        self._request_full_build()

    def _request_full_build(self) -> None:
        if self._trigger is not None:
            self._trigger.write_text(str(time.time_ns()), encoding="utf-8")

    def _disable(self) -> None:
        self._kept = {}
        self.static.forget()
        self.enabled = False


def _nav_paths(nav: object) -> Iterable[str]:
    # A page the lab put in its nav by hand is drawn differently from the others (it is the active item).
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)
