"""The single-page collections: ``/openings/``, ``/news/``, ``/teaching/`` and the ``/notes/`` index."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from labbook.model.opening import LEVEL_HEADINGS
from labbook.render.environment import Renderer
from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading
from labbook.render.lab_views import LabViews

if TYPE_CHECKING:
    from labbook.catalog.lab import Lab
    from labbook.settings import Settings
    from labbook.site.plan import SitePlan


def openings_page(views: LabViews, renderer: Renderer, edit_path: str | None,
                  title: str = "Openings") -> GeneratedPage:
    """``/openings/``: one section per level; open positions first, then closed ones (a passed deadline
    closes a position, decided by the build's clock)."""
    lab = views.lab
    groups = []
    for level, label in LEVEL_HEADINGS.items():
        items = [views.opening(o) for o in lab.openings if o.level == level]
        if items:
            groups.append((level, label, sorted(items, key=lambda o: not o["is_open"])))
    parts = [front_matter(title), f"# {title}", ""]
    for level, label, _items in groups:
        parts += [heading(2, label), "", SLOT.format(level), ""]
    if not groups:
        parts += ["No openings at the moment.", ""]

    def slots(base: str) -> dict[str, str]:
        return {level: renderer.render("opening_list.html", openings=items, base=base, compact=False)
                for level, _label, items in groups}

    return GeneratedPage(src_uri=views.urls.src_uri("openings"), markdown="\n".join(parts), slots=slots,
                         edit_path=edit_path)


def news_page(views: LabViews, renderer: Renderer, edit_path: str | None, title: str = "News") -> GeneratedPage:
    """``/news/``: every item, newest first, one section per year."""
    items = views.lab.latest_news()
    groups = [(str(year), list(group)) for year, group in groupby(items, key=lambda n: n.date.year)]
    parts = [front_matter(title), f"# {title}", ""]
    for year, _group in groups:
        parts += [heading(2, year), "", SLOT.format(f"y{year}"), ""]
    if not groups:
        parts += ["No news yet.", ""]

    def slots(base: str) -> dict[str, str]:
        return {f"y{year}": renderer.render("news_list.html", items=[views.news_item(n) for n in group],
                                            base=base, more_url=None)
                for year, group in groups}

    return GeneratedPage(src_uri=views.urls.src_uri("news"), markdown="\n".join(parts), slots=slots,
                         edit_path=edit_path)


def teaching_page(views: LabViews, renderer: Renderer, edit_path: str | None,
                  title: str = "Teaching") -> GeneratedPage:
    """``/teaching/``: every course in courses.yml, in file order."""
    courses = [views.course(c) for c in views.lab.courses]
    return _one_list_page(views, renderer, "teaching", title, "course_list.html", "courses", courses,
                          "No courses yet.", edit_path)


def notes_index(views: LabViews, renderer: Renderer, edit_path: str | None,
                title: str = "Research notes") -> GeneratedPage:
    """``/notes/``: every research note, newest first, with authors, date, status and tags."""
    notes = [views.note(n) for n in views.lab.notes]
    return _one_list_page(views, renderer, "notes", title, "note_list.html", "notes", notes, "No notes yet.",
                          edit_path)


def _one_list_page(views: LabViews, renderer: Renderer, kind: str, title: str, template: str, name: str,
                   items: list[dict[str, object]], empty: str, edit_path: str | None) -> GeneratedPage:
    """A page holding one list of records (rendered by ``template`` with the list as ``name``)."""
    parts = [front_matter(title), f"# {title}", "", SLOT.format(name) if items else empty, ""]

    def slots(base: str) -> dict[str, str]:
        return {name: renderer.render(template, base=base, **{name: items})} if items else {}

    return GeneratedPage(src_uri=views.urls.src_uri(kind), markdown="\n".join(parts), slots=slots,
                         edit_path=edit_path)


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
