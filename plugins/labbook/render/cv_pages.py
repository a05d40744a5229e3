"""``/people/<id>/cv/``: a person's CV from people.yml (positions, education, awards, service) and the lab's
data (teaching, talks, publications grouped by type with lab members highlighted), made to print cleanly."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from labbook.model.cv import span
from labbook.model.person import Person
from labbook.render.environment import Renderer
from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading
from labbook.render.lab_views import LabViews
from labbook.text.safe_urls import is_site_relative


def _link(url: str | None) -> dict[str, object] | None:
    return {"url": url, "relative": is_site_relative(url)} if url else None


def cv_url(views: LabViews, person: Person) -> str | None:
    """The root-relative URL of ``person``'s CV page, when people pages exist and the person has a CV."""
    return views.urls.url("people", f"{person.id}/cv") if person.has_cv and views.urls.url("people") else None


def cv_page(person: Person, views: LabViews, renderer: Renderer) -> GeneratedPage:
    """The CV page of ``person``: one section per part that has entries, in a CV's usual order."""
    lab = views.lab
    view = views.person(person)
    sections: list[tuple[str, str, str, dict[str, Any]]] = []

    def dated(items: list[Any], what: str, where: str) -> list[dict[str, Any]]:
        rows = [{"when": span(i.startDate, i.endDate), "what": getattr(i, what) or "", "where": getattr(i, where),
                 "location": getattr(i, "location", None) or "", "summary": getattr(i, "summary", None) or "",
                 "url": _link(getattr(i, "url", None))} for i in items]
        return sorted(rows, key=lambda r: r["when"], reverse=True)

    if person.work:
        sections.append(("positions", "Positions", "cv_entries.html",
                         {"rows": dated(person.work, "position", "name")}))
    if person.education:
        rows = [{"when": span(e.startDate, e.endDate), "what": ", ".join(x for x in (e.studyType, e.area) if x),
                 "where": e.institution, "location": "", "summary": e.score or "", "url": _link(e.url)}
                for e in person.education]
        sections.append(("education", "Education", "cv_entries.html",
                         {"rows": sorted(rows, key=lambda r: r["when"], reverse=True)}))
    if person.awards:
        rows = [{"when": (a.date or "")[:4], "what": a.title, "where": a.awarder or "", "location": "",
                 "summary": a.summary or "", "url": None} for a in person.awards]
        sections.append(("awards", "Awards and honours", "cv_entries.html",
                         {"rows": sorted(rows, key=lambda r: r["when"], reverse=True)}))
    if person.service:
        sections.append(("service", "Service", "cv_entries.html",
                         {"rows": dated(person.service, "position", "organization")}))
    courses = lab.courses_of.get(person.id, [])
    if courses:
        sections.append(("teaching", "Teaching", "course_list.html", {"courses": [views.course(c) for c in courses]}))
    talks = lab.talks_of.get(person.id, [])
    if talks:
        sections.append(("talks", "Talks", "cv_talks.html", {"talks": views.talks(talks)}))
    papers = lab.papers_of.get(person.id, [])
    by_kind = sorted(papers, key=lambda p: p.kind_label)
    for label, group in groupby(by_kind, key=lambda p: p.kind_label):
        pubs = sorted(group, key=lambda p: p.year or 0, reverse=True)
        sections.append((f"pubs-{pubs[0].kind}", f"Publications: {label}", "cv_publications.html",
                         {"pubs": views.publications(pubs)}))

    title = f"{person.name}: curriculum vitae"
    # Left out of the site's search: everything on it is found through the person's page and the records'.
    parts = [front_matter(title, description=f"Curriculum vitae of {person.name}.", search={"exclude": True}),
             heading(1, person.name), "",
             SLOT.format("head"), ""]
    for slot_id, label, _template, _context in sections:
        parts += [heading(2, label), "", SLOT.format(slot_id), ""]
    page_url = views.person_url(person.id)

    def slots(base: str) -> dict[str, str]:
        out = {"head": str(renderer.render("cv_head.html", person=view, base=base, page_url=page_url))}
        for slot_id, _label, template, context in sections:
            out[slot_id] = str(renderer.render(template, base=base, **context))
        return out

    return GeneratedPage(src_uri=views.urls.src_uri("people", f"{person.id}/cv"), markdown="\n".join(parts),
                         slots=slots, edit_path=person.source_path, in_nav=False,
                         meta={"og_type": "profile"})
