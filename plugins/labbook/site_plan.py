"""What labbook adds to a site: the generated pages and export files, decided without any site generator."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field
from datetime import UTC, datetime

from markupsafe import Markup, escape

from labbook.catalog import Lab
from labbook.exports.bibtex import bibliography_to_bibtex
from labbook.exports.csl_json import to_csl_json
from labbook.model.dates import Clock
from labbook.render.collection_pages import plan_collections
from labbook.exports.feeds import FeedInfo, atom_feed, publication_entries
from labbook.model.publication import Publication
from labbook.render.environment import Renderer
from labbook.render.generated import GeneratedPage
from labbook.render.people_pages import plan_people
from labbook.render.project_pages import plan_projects
from labbook.render.publication_pages import publication_page, publications_index
from labbook.render.record_views import LabViews
from labbook.render.site_urls import SiteUrls
from labbook.render.talk_pages import plan_talks
from labbook.render.views import ViewBuilder
from labbook.settings import Settings

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
        if page.src_uri not in self.existing and _alt_src(page.src_uri) not in self.existing:
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
        self.head_links.append(HeadLink(path, "application/atom+xml", title))


def head_links(plan: SitePlan, base: str) -> str:
    """The ``<link rel="alternate">`` elements of ``plan``'s feeds, for a page whose root is at ``base``."""
    link = Markup('<link rel="alternate" type="{}" title="{}" href="{}">\n')
    return str(Markup("").join(link.format(h.type, h.title, base + h.path) for h in plan.head_links))


def _alt_src(src_uri: str) -> str:
    # "publications/index.md" and "publications.md" give the same URL.
    return src_uri[: -len("/index.md")] + ".md" if src_uri.endswith("/index.md") else src_uri


def plan_publications(plan: SitePlan, lab: Lab, views: ViewBuilder, renderer: Renderer, settings: Settings) -> None:
    """``/publications/``, one page per entry, ``/publications.bib`` and ``/publications.json``."""
    if views.urls.url("publications") is None:
        return
    first_bib = settings.bibliography[0] if settings.bibliography else None
    plan.add_page(publications_index(lab.publications, views, renderer, first_bib))
    if settings.per_publication_pages:
        for pub in lab.publications:
            plan.add_page(publication_page(pub, views, renderer, settings.site_url))
    plan.add_file("publications.bib", bibliography_to_bibtex(lab.publications))
    plan.add_file("publications.json", to_csl_json(lab.publications))
    plan_publications_feed(plan, lab, views, settings)


#: Where the feed of new publications goes.
PUBLICATIONS_FEED = "feeds/publications.xml"


def feed_title(settings: Settings, what: str) -> str:
    """ "Lee Lab – Publications", or just the kind without a site name."""
    return f"{settings.site_name} – {what}" if settings.site_name else what


def plan_publications_feed(plan: SitePlan, lab: Lab, views: ViewBuilder, settings: Settings) -> None:
    """``/feeds/publications.xml``: the newest ``feed_limit`` publications (Atom ids need ``site_url``)."""
    site_url = settings.site_url
    index_url = views.urls.url("publications")
    if not site_url or index_url is None or settings.feed_limit <= 0:
        return
    root = site_url.rstrip("/") + "/"

    def page_url(pub: Publication) -> str:
        own = views.publication_url(pub)
        return root + own if own is not None else f"{root}{index_url}#{pub.slug}"

    title = feed_title(settings, "Publications")
    entries = publication_entries(lab.publications[: settings.feed_limit], page_url=page_url,
                                  today=settings.build_date)
    info = FeedInfo(url=root + PUBLICATIONS_FEED, title=title, home_url=root + index_url,
                    author=settings.site_name or "labbook", subtitle="New publications, newest first")
    today = settings.build_date
    fallback = datetime(today.year, today.month, today.day, tzinfo=UTC)
    plan.add_feed(PUBLICATIONS_FEED, atom_feed(info, entries, fallback_updated=fallback), title)


#: The planners run for every site, in order.
PLANNERS: list[PagePlanner] = [plan_publications, plan_people, plan_talks, plan_projects, plan_collections]


def plan_site(lab: Lab, settings: Settings, renderer: Renderer, urls: SiteUrls,
              existing: Container[str]) -> tuple[SitePlan, LabViews]:
    """Every page and file labbook adds, given the paths the site already has.

    Raises ``ValueError`` when ``settings.timezone`` is not a time zone name.
    """
    views = make_views(lab, settings, urls)
    plan = SitePlan(existing=existing)
    for planner in PLANNERS:
        planner(plan, lab, views, renderer, settings)
    _folder_sitemaps(plan, settings)
    return plan, views


def make_views(lab: Lab, settings: Settings, urls: SiteUrls) -> LabViews:
    """The views of one build (the clock is read here, once, so every page agrees on "now")."""
    return LabViews(lab, urls, max_authors=settings.max_authors, highlight_members=settings.highlight_members,
                    per_publication_pages=settings.per_publication_pages,
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
