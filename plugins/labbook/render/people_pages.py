"""The generated people pages: ``/people/`` grouped by role, and ``/people/<id>/`` with everyone's work."""

from __future__ import annotations

from labbook.model.person import Person
from labbook.render.environment import Renderer
from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading
from labbook.render.index_page import Section, count, index_page
from labbook.render.lab_views import LabViews
from labbook.render.publication_pages import publication_list


def people_index(views: LabViews, renderer: Renderer, edit_path: str | None, title: str = "People", *,
                 group_photo: dict[str, object] | None = None) -> GeneratedPage:
    """``/people/``: the group photo when there is one (``src``, ``src2``, ``px``, ``height``), then one section
    per role (PI, postdocs, PhD, MS, undergraduates, staff, visitors, alumni)."""
    sections = [Section(role, lambda base, people=people: renderer.render("people_list.html", people=people,
                                                                          base=base), heading=label)
                for role, label, people in views.people_groups()]
    current = sum(1 for p in views.lab.people if p.role != "alumni")
    description = (f"The lab's people: {count(current, 'current member')}, from the principal investigator to "
                   "students and staff, and its alumni.")
    intro = Section("group", lambda base: renderer.render("group_photo.html", photo=group_photo, base=base))
    return index_page(views.urls.src_uri("people"), title, sections, empty="No people yet.", edit_path=edit_path,
                      description=description, intro=intro if group_photo else None)


def person_page(person: Person, views: LabViews, renderer: Renderer) -> GeneratedPage:
    """``/people/<id>/``: photo, role, links and bio, then their publications, talks, projects, courses and
    notes, newest first."""
    lab = views.lab
    view = views.person(person)
    sections: list[tuple[str, str, str, dict[str, object]]] = []
    papers = lab.papers_of.get(person.id, [])
    if papers:
        sections.append(("publications", "Publications", "publication_list.html", {"papers": papers}))
    talks = lab.talks_of.get(person.id, [])
    if talks:
        sections.append(("talks", "Talks", "talk_list.html", {"talks": views.talks(talks)}))
    projects = sorted(lab.projects_of.get(person.id, []), key=lambda p: p.status != "ongoing")
    if projects:
        sections.append(("projects", "Projects", "project_list.html",
                         {"projects": [views.project(p) for p in projects]}))
    courses = lab.courses_of.get(person.id, [])
    if courses:
        sections.append(("teaching", "Teaching", "course_list.html",
                         {"courses": [views.course(c) for c in courses]}))
    notes = lab.notes_of.get(person.id, [])
    if notes:
        sections.append(("notes", "Research notes", "note_list.html", {"notes": [views.note(n) for n in notes]}))

    parts = [front_matter(person.name, description=_description(view)), heading(1, person.name), "",
             SLOT.format("profile"), ""]
    for slot_id, label, _template, _context in sections:
        parts += [heading(2, label), "", SLOT.format(slot_id), ""]
    index_url = views.urls.url("people")
    if index_url:
        parts += [SLOT.format("back"), ""]

    def slots(base: str) -> dict[str, str]:
        out = {"profile": renderer.render("person_profile.html", person=view, base=base)}
        for slot_id, _label, template, context in sections:
            if slot_id == "publications":  # the cards of the publication list, rendered once per entry
                out[slot_id] = publication_list(papers, views, renderer, base)
            else:
                out[slot_id] = renderer.render(template, base=base, **context)
        if index_url:
            out["back"] = renderer.render("back_link.html", url=index_url, label="All people", base=base)
        return out

    meta: dict[str, object] = {"og_type": "profile", "image": _share_image(view)}
    return GeneratedPage(src_uri=views.urls.src_uri("people", person.id), markdown="\n".join(parts), slots=slots,
                         edit_path=person.source_path, in_nav=False, meta=meta)


def _share_image(view: dict[str, object]) -> str | None:
    """The photo for shared links: the profile's sharpest thumbnail, else the photo as given."""
    thumbs = view.get("thumbs")
    if isinstance(thumbs, dict):
        large = thumbs["large"]
        return str(large["src2"] or large["src"])
    photo = view.get("photo")
    return str(photo["url"]) if isinstance(photo, dict) else None


def _description(view: dict[str, object]) -> str:
    bits = [str(view["role_label"]), str(view["position"]), str(view["affiliation"])]
    return f"{view['name']}: " + ", ".join(b for b in bits if b)
