"""Every page and file labbook adds to a site, planned without any site generator.

Each collection has one planner in :data:`PLANNERS`; a planner decides whether its pages exist (the page kind
is on and the data file is there) and adds them, built by :mod:`labbook.render`, to the :class:`SitePlan`.
A new kind of page is one more planner in the list.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from labbook.catalog.lab import Lab
from labbook.exports.bibtex import bibliography_to_bibtex, entry_to_bibtex
from labbook.exports.citations import format_citation, resolve_style
from labbook.exports.csl_json import csl_item_text, publication_to_csl, to_csl_json
from labbook.exports.ris import ris_record_text, to_ris
from labbook.model.publication import Publication
from labbook.render.collection_pages import news_page, notes_index, openings_page, teaching_page
from labbook.render.cv_pages import cv_page
from labbook.render.environment import Renderer
from labbook.render.fragments import FragmentCache
from labbook.render.lab_views import LabViews
from labbook.render.people_pages import people_index, person_page
from labbook.render.project_pages import project_page, projects_index
from labbook.render.publication_list import list_files
from labbook.render.publication_pages import publication_page, publications_index
from labbook.render.publication_views import ViewBuilder
from labbook.render.site_urls import SiteUrls
from labbook.render.talk_pages import talk_page, talks_index
from labbook.settings import Settings
from labbook.site.citation_store import CitationStore
from labbook.site.clock import site_clock
from labbook.site.photos import banner, strip_metadata, thumbnails
from labbook.site.plan import SitePlan
from labbook.site.syndication import (
    PUBLICATIONS_FEED,
    TALKS_CALENDAR,
    add_feed_sitemaps,
    calendar_enabled,
    feeds_enabled,
    plan_syndication,
)
from labbook.text.safe_urls import is_site_relative

#: A function adding the pages of one collection to a plan (kept in a list so collections plug in).
PagePlanner = Callable[[SitePlan, Lab, LabViews, Renderer, Settings], None]


def plan_publications(plan: SitePlan, lab: Lab, views: ViewBuilder, renderer: Renderer, settings: Settings) -> None:
    """``/publications/``, one page per entry, ``/publications.bib`` and ``/publications.json``."""
    if views.urls.url("publications") is None:
        return
    first_bib = settings.bibliography[0] if settings.bibliography else None
    feed = PUBLICATIONS_FEED if feeds_enabled(settings) else None
    plan.add_page(publications_index(lab.publications, views, renderer, first_bib, feed_url=feed))
    for path, content in list_files(lab.publications, views, renderer).items():
        plan.add_file(path, content)
    exports = EntryExports(views, plan.citations)
    if settings.per_publication_pages:
        styles = [resolve_style(spec, settings.root) for spec in settings.cite_styles]
        if plan.citations is not None:
            plan.citations.prefetch(lab.publications, styles)
        cite = plan.citations.format if plan.citations is not None else format_citation
        prefix = settings.pages["publications"].strip("/")
        for pub in lab.publications:
            downloads = exports.downloads(plan, pub, f"{prefix}/{pub.slug}/{pub.slug}")
            plan.add_page(publication_page(pub, views, renderer, settings.site_url, styles, downloads, cite=cite))
    listed = {id(pub) for pub in lab.publications}
    plan.add_file("publications.bib", bibliography_to_bibtex(
        [*lab.publications, *lab.crossref_parents],
        entry_text=lambda pub: views.publication(pub)["bibtex"] if id(pub) in listed else entry_to_bibtex(pub.raw)))
    plan.add_file("publications.json", to_csl_json(lab.publications, item_text=exports.csl_text))
    plan.add_file("publications.ris", to_ris(lab.publications, record_text=exports.ris_text))


class EntryExports:
    """Each entry's CSL-JSON item, its CSL-JSON text and its RIS record, made once per build: the entry's own
    files, ``/publications.json``, ``/publications.ris`` and the citation store all use them."""

    def __init__(self, views: ViewBuilder, citations: CitationStore | None) -> None:
        self.views = views
        self._items = citations.item if citations is not None else publication_to_csl
        self._csl: dict[str, str] = {}
        self._ris: dict[str, str] = {}

    def csl_text(self, pub: Publication) -> str:
        """``pub``'s item as :func:`~labbook.exports.csl_json.csl_item_text` writes it."""
        return self._once(self._csl, "csl", pub, csl_item_text)

    def ris_text(self, pub: Publication) -> str:
        """``pub``'s RIS record as :func:`~labbook.exports.ris.ris_record_text` writes it."""
        return self._once(self._ris, "ris", pub, ris_record_text)

    def _once(self, made: dict[str, str], kind: str, pub: Publication,
              write: Callable[[Publication, dict[str, Any]], str]) -> str:
        found = made.get(pub.key)
        if found is None:
            found = made[pub.key] = self.views.fragment((kind,), pub, lambda: write(pub, self._items(pub)))
        return found

    def downloads(self, plan: SitePlan, pub: Publication, stem: str) -> dict[str, str]:
        """One entry's ``.bib``, ``.ris`` and CSL-JSON files at ``stem`` plus extension; label -> site path."""
        files = {
            "BibTeX": (f"{stem}.bib", str(self.views.publication(pub)["bibtex"]).rstrip() + "\n"),
            "RIS": (f"{stem}.ris", self.ris_text(pub)),
            "CSL-JSON": (f"{stem}.json", to_csl_json([pub], item_text=self.csl_text)),
        }
        for path, content in files.values():
            plan.add_file(path, content)
        return {label: path for label, (path, _content) in files.items()}


def plan_photos(plan: SitePlan, lab: Lab, views: LabViews, renderer: Renderer, settings: Settings) -> None:
    """Square thumbnails of each person's photo file, and the file itself without its camera metadata."""
    docs = settings.docs_dir.resolve()
    for person in lab.people:
        if not person.photo or not is_site_relative(person.photo):
            continue
        rel = person.photo.split("#")[0].split("?")[0].lstrip("/")
        source = (docs / rel).resolve()
        if not source.is_relative_to(docs) or not source.is_file():
            continue
        thumbs = thumbnails(source, person.id)
        if thumbs is None:
            continue
        views.photos[person.id] = thumbs.view()
        for path, content in thumbs.files.items():
            plan.add_file(path, content)
        clean = strip_metadata(source.read_bytes())
        if clean is not None:
            plan.replace_file(rel, clean)


def plan_people(plan: SitePlan, lab: Lab, views: LabViews, renderer: Renderer, settings: Settings) -> None:
    """``/people/`` and ``/people/<id>/`` for everyone in people.yml."""
    path = settings.collection_path("people")
    if views.urls.url("people") is None or not (lab.people or path.is_file()):
        return
    edit = settings.display(path)
    group = None
    if settings.group_photo:
        source = settings.docs_dir / settings.group_photo
        photo = banner(source, "group") if source.is_file() else None
        if photo is not None:
            group = photo.view()["banner"]
            for file_path, content in photo.files.items():
                plan.add_file(file_path, content)
            clean = strip_metadata(source.read_bytes())
            if clean is not None:
                plan.replace_file(settings.group_photo, clean)
    plan.add_page(people_index(views, renderer, edit, group_photo=group))
    for person in lab.people:
        plan.add_page(person_page(person, views, renderer))
        if person.has_cv:
            plan.add_page(cv_page(person, views, renderer))


def plan_projects(plan: SitePlan, lab: Lab, views: LabViews, renderer: Renderer, settings: Settings) -> None:
    """``/projects/`` and ``/projects/<id>/`` for every project in projects.yml."""
    path = settings.collection_path("projects")
    if views.urls.url("projects") is None or not (lab.projects or path.is_file()):
        return
    plan.add_page(projects_index(views, renderer, settings.display(path)))
    for project in lab.projects:
        plan.add_page(project_page(project, views, renderer))


def plan_talks(plan: SitePlan, lab: Lab, views: LabViews, renderer: Renderer, settings: Settings) -> None:
    """``/talks/`` and ``/talks/<id>/`` for every talk in talks.yml."""
    path = settings.collection_path("talks")
    if views.urls.url("talks") is None or not (lab.talks or path.is_file()):
        return
    calendar = TALKS_CALENDAR if calendar_enabled(settings) else None
    plan.add_page(talks_index(views, renderer, settings.display(path), calendar_url=calendar))
    for talk in lab.talks:
        plan.add_page(talk_page(talk, views, renderer, settings.site_url))


def plan_collections(plan: SitePlan, lab: Lab, views: LabViews, renderer: Renderer, settings: Settings) -> None:
    """The openings, news and teaching pages (when their data file exists) and the notes index (when there
    are notes), plus the byline on each note's own page."""
    for kind, name, records, make in (
        ("openings", "openings", lab.openings, openings_page),
        ("news", "news", lab.news, news_page),
        ("teaching", "courses", lab.courses, teaching_page),
    ):
        path = settings.collection_path(name)
        if views.urls.url(kind) is not None and (records or path.is_file()):
            plan.add_page(make(views, renderer, settings.display(path)))
    if views.urls.url("notes") is not None and lab.notes:
        # No edit button: the index is made from many files, each edited on its own page.
        plan.add_page(notes_index(views, renderer, None))
    index_url = views.urls.url("notes")
    for note in lab.notes:
        view = views.note(note)
        plan.add_prelude(note.src_uri, lambda base, view=view: str(
            renderer.render("note_meta.html", n=view, base=base, index_url=index_url)))


#: The planners run for every site, in order.
PLANNERS: list[PagePlanner] = [plan_photos, plan_publications, plan_people, plan_talks, plan_projects, plan_collections,
                               plan_syndication]


def plan_site(lab: Lab, settings: Settings, renderer: Renderer, urls: SiteUrls,
              existing: Container[str], fragments: FragmentCache | None = None,
              citations: CitationStore | None = None) -> tuple[SitePlan, LabViews]:
    """Every page and file labbook adds, given the paths the site already has.

    ``fragments`` (kept by `mkdocs serve` between rebuilds) lets pages reuse what an earlier build rendered
    for unchanged entries; the caller starts it with :meth:`~labbook.render.fragments.FragmentCache.begin`.
    Raises ``ValueError`` when ``settings.timezone`` is not a time zone name.
    """
    views = make_views(lab, settings, urls, fragments)
    plan = SitePlan(existing=existing, citations=citations)
    for planner in PLANNERS:
        planner(plan, lab, views, renderer, settings)
    add_feed_sitemaps(plan, settings)
    return plan, views


def make_views(lab: Lab, settings: Settings, urls: SiteUrls, fragments: FragmentCache | None = None) -> LabViews:
    """The views of one build (the clock is read here, once, so every page agrees on "now")."""
    return LabViews(lab, urls, max_authors=settings.max_authors, highlight_members=settings.highlight_members,
                    per_publication_pages=settings.per_publication_pages, fragments=fragments,
                    clock=site_clock(settings), badges=settings.badges)
