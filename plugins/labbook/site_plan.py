"""What labbook adds to a site: the generated pages and export files, decided without any site generator."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from labbook.catalog import Lab
from labbook.exports.bibtex import bibliography_to_bibtex
from labbook.exports.csl_json import csl_item_text, to_csl_json
from labbook.model.dates import Clock
from labbook.render.collection_pages import plan_collections
from labbook.render.environment import Renderer
from labbook.render.fragments import FragmentCache
from labbook.render.generated import GeneratedPage
from labbook.render.people_pages import plan_people
from labbook.render.project_pages import plan_projects
from labbook.render.publication_pages import publication_page, publications_index
from labbook.render.record_views import LabViews
from labbook.render.site_urls import SiteUrls
from labbook.render.talk_pages import plan_talks
from labbook.render.views import ViewBuilder
from labbook.settings import Settings
from labbook.syndication import PUBLICATIONS_FEED, feeds_enabled, plan_syndication

#: A function adding the pages of one collection to a plan (kept in a list so collections plug in).
PagePlanner = Callable[["SitePlan", Lab, LabViews, Renderer, Settings], None]


@dataclass(frozen=True)
class HeadLink:
    """A file that every page announces in ``<head>`` (feeds, calendars): ``<link rel="alternate">``."""

    path: str
    type: str
    title: str


@dataclass
class SitePlan:
    """Pages (by ``src_uri``) and files (site path -> content) to add to a site, and the ``<head>`` links
    that point every page at its feeds."""

    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    existing: Container[str] = field(default_factory=set)
    #: HTML put before the content of a page the lab wrote (by ``src_uri``), given the page's base; e.g. the
    #: byline of a research note.
    preludes: dict[str, Callable[[str], str]] = field(default_factory=dict)
    head_links: list[HeadLink] = field(default_factory=list)

    def add_page(self, page: GeneratedPage) -> None:
        """Add a page unless the lab wrote one at the same path (the lab's own page wins)."""
        if not any(src in self.existing for src in same_url_sources(page.src_uri)):
            self.pages[page.src_uri] = page

    def add_prelude(self, src_uri: str, html: Callable[[str], str]) -> None:
        """Put ``html(base)`` at the top of the lab's own page ``src_uri``."""
        self.preludes[src_uri] = html

    def add_file(self, path: str, content: str | bytes) -> None:
        """Add an export file unless the lab ships its own at that path."""
        if path not in self.existing:
            self.files[path] = content

    def add_feed(self, path: str, content: bytes, title: str) -> None:
        """Add an Atom feed and announce it on every page (a feed the lab ships itself is announced too)."""
        self.add_file(path, content)
        self.announce(path, "application/atom+xml", title)

    def announce(self, path: str, media_type: str, title: str) -> None:
        """Link ``path`` from every page's ``<head>`` as an alternate (feed readers, calendar apps)."""
        self.head_links.append(HeadLink(path, media_type, title))


def head_links(plan: SitePlan, base: str) -> str:
    """The ``<link rel="alternate">`` elements of ``plan``'s feeds, for a page whose root is at ``base``."""
    link = Markup('<link rel="alternate" type="{}" title="{}" href="{}">\n')
    return str(Markup("").join(link.format(h.type, h.title, base + h.path) for h in plan.head_links))


def same_url_sources(src_uri: str) -> tuple[str, ...]:
    """Markdown paths that MkDocs publishes at the same URL as ``src_uri``.

    ``people/index.md`` and ``people.md`` give ``/people/``; ``people/ada.md``, ``people/ada/index.md`` and
    ``people/ada/README.md`` give ``/people/ada/``. A page the lab wrote at any of them wins.
    """
    stem = src_uri[: -len(".md")]
    if stem.endswith("/index"):
        folder = stem[: -len("/index")]
        return (src_uri, folder + ".md", folder + "/README.md")
    return (src_uri, stem + "/index.md", stem + "/README.md")


def plan_publications(plan: SitePlan, lab: Lab, views: ViewBuilder, renderer: Renderer, settings: Settings) -> None:
    """``/publications/``, one page per entry, ``/publications.bib`` and ``/publications.json``."""
    if views.urls.url("publications") is None:
        return
    first_bib = settings.bibliography[0] if settings.bibliography else None
    feed = PUBLICATIONS_FEED if feeds_enabled(settings) else None
    plan.add_page(publications_index(lab.publications, views, renderer, first_bib, feed_url=feed))
    if settings.per_publication_pages:
        for pub in lab.publications:
            plan.add_page(publication_page(pub, views, renderer, settings.site_url))
    plan.add_file("publications.bib", bibliography_to_bibtex(
        lab.publications, entry_text=lambda pub: views.publication(pub)["bibtex"]))
    plan.add_file("publications.json", to_csl_json(
        lab.publications, item_text=lambda pub: views.fragment(("csl",), pub, lambda: csl_item_text(pub))))


#: The planners run for every site, in order.
PLANNERS: list[PagePlanner] = [plan_publications, plan_people, plan_talks, plan_projects, plan_collections,
                               plan_syndication]


def plan_site(lab: Lab, settings: Settings, renderer: Renderer, urls: SiteUrls,
              existing: Container[str], fragments: FragmentCache | None = None) -> tuple[SitePlan, LabViews]:
    """Every page and file labbook adds, given the paths the site already has.

    ``fragments`` (kept by `mkdocs serve` between rebuilds) lets pages reuse what an earlier build rendered
    for unchanged entries; the caller starts it with :meth:`~labbook.render.fragments.FragmentCache.begin`.
    Raises ``ValueError`` when ``settings.timezone`` is not a time zone name.
    """
    views = make_views(lab, settings, urls, fragments)
    plan = SitePlan(existing=existing)
    for planner in PLANNERS:
        planner(plan, lab, views, renderer, settings)
    _folder_sitemaps(plan, settings)
    return plan, views


def make_views(lab: Lab, settings: Settings, urls: SiteUrls, fragments: FragmentCache | None = None) -> LabViews:
    """The views of one build (the clock is read here, once, so every page agrees on "now")."""
    return LabViews(lab, urls, max_authors=settings.max_authors, highlight_members=settings.highlight_members,
                    per_publication_pages=settings.per_publication_pages, fragments=fragments,
                    badges=settings.badges,
                    clock=Clock.for_site(settings.timezone, settings.today))


def _folder_sitemaps(plan: SitePlan, settings: Settings) -> None:
    # Material's instant navigation treats every <link rel="alternate"> as another language of the site and
    # fetches "sitemap.xml" next to it; for feeds/publications.xml that is feeds/sitemap.xml, whose absence
    # shows as a 404 in every reader's console. A small sitemap listing the folder's feeds answers it.
    folders: dict[str, list[str]] = {}
    for link in plan.head_links:
        folder = link.path.rpartition("/")[0]
        if folder:
            folders.setdefault(folder, []).append(link.path)
    root = (settings.site_url or "").rstrip("/") + "/"
    for folder, paths in folders.items():
        urls = "".join(f"<url><loc>{escape(root + p)}</loc></url>" for p in paths)
        plan.add_file(f"{folder}/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                      f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')
