"""The single-page collections: ``/openings/``, ``/news/``, ``/teaching/`` and the ``/notes/`` index."""

from __future__ import annotations

from itertools import groupby

from labbook.model.opening import LEVEL_HEADINGS
from labbook.render.environment import Renderer
from labbook.render.generated import GeneratedPage
from labbook.render.index_page import Section, count, index_page
from labbook.render.lab_views import LabViews


def openings_page(views: LabViews, renderer: Renderer, edit_path: str | None,
                  title: str = "Openings") -> GeneratedPage:
    """``/openings/``: one section per level; open positions first, then closed ones (a passed deadline
    closes a position, decided by the build's clock)."""
    lab = views.lab
    sections = []
    for level, label in LEVEL_HEADINGS.items():
        items = sorted((views.opening(o) for o in lab.openings if o.level == level), key=lambda o: not o["is_open"])
        if items:
            sections.append(Section(level, lambda base, items=items: renderer.render(
                "opening_list.html", openings=items, base=base, compact=False), heading=label))
    n_open = sum(1 for o in lab.openings if views.opening(o)["is_open"])
    return index_page(views.urls.src_uri("openings"), title, sections, empty="No openings at the moment.",
                      edit_path=edit_path, description=f"Open positions in the lab ({n_open} open now): "
                      "PhD, postdoc, undergraduate and other openings, with how to apply.")


def news_page(views: LabViews, renderer: Renderer, edit_path: str | None, title: str = "News") -> GeneratedPage:
    """``/news/``: every item, newest first, one section per year."""
    items = views.lab.latest_news()
    sections = [Section(f"y{year}", lambda base, group=list(group): renderer.render(
                    "news_list.html", items=[views.news_item(n) for n in group], base=base, more_url=None),
                        heading=str(year))
                for year, group in groupby(items, key=lambda n: n.date.year)]
    return index_page(views.urls.src_uri("news"), title, sections, empty="No news yet.", edit_path=edit_path,
                      description=f"News from the lab, newest first ({count(len(items), 'item')}).")


def teaching_page(views: LabViews, renderer: Renderer, edit_path: str | None,
                  title: str = "Teaching") -> GeneratedPage:
    """``/teaching/``: every course in courses.yml, in file order."""
    courses = [views.course(c) for c in views.lab.courses]
    return _one_list_page(views, renderer, "teaching", title, "course_list.html", "courses", courses,
                          "No courses yet.", edit_path, f"Courses taught by the lab ({count(len(courses), 'course')}).")


def notes_index(views: LabViews, renderer: Renderer, edit_path: str | None,
                title: str = "Research notes") -> GeneratedPage:
    """``/notes/``: every research note, newest first, with authors, date, status and tags."""
    notes = [views.note(n) for n in views.lab.notes]
    return _one_list_page(views, renderer, "notes", title, "note_list.html", "notes", notes, "No notes yet.",
                          edit_path, f"The lab's research notes, newest first ({count(len(notes), 'note')}).")


def _one_list_page(views: LabViews, renderer: Renderer, kind: str, title: str, template: str, name: str,
                   items: list[dict[str, object]], empty: str, edit_path: str | None,
                   description: str) -> GeneratedPage:
    """A page holding one list of records (rendered by ``template`` with the list as ``name``)."""
    sections = [Section(name, lambda base: renderer.render(template, base=base, **{name: items}))] if items else []
    return index_page(views.urls.src_uri(kind), title, sections, empty=empty, edit_path=edit_path,
                      description=description)
