"""Views of people, talks, openings, news, projects, courses and notes for templates.

Like the publication views they are plain mappings, built once per build and shared by every page; URLs are
relative to the site root (templates put ``{{ base }}`` in front), and Markdown fields arrive as HTML whose
record links carry :data:`labbook.text.markdown_text.BASE_MARK` (replaced when the page is written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from markupsafe import Markup

from labbook.model.common import Record
from labbook.model.course import Course
from labbook.model.dates import Clock, When
from labbook.model.news import NewsItem
from labbook.model.note import Note
from labbook.model.opening import LEVEL_HEADINGS, Opening
from labbook.model.person import ROLE_HEADINGS, Person
from labbook.model.project import Project
from labbook.model.talk import Talk
from labbook.render.facets import speaker_key
from labbook.render.publication_views import ViewBuilder
from labbook.text.markdown_text import resolve_refs
from labbook.text.safe_urls import is_site_relative

#: Role labels for one person (the people page's headings are plural).
ROLE_LABELS: dict[str, str] = {
    "pi": "Principal investigator", "postdoc": "Postdoctoral researcher", "phd": "PhD student",
    "ms": "Master's student", "undergrad": "Undergraduate student", "staff": "Staff", "visitor": "Visitor",
    "alumni": "Alumni",
}


def _link(kind: str, label: str, url: str) -> dict[str, Any]:
    return {"kind": kind, "label": label, "url": url, "relative": is_site_relative(url)}


def _date(when: When | None, tz: tzinfo) -> dict[str, Any] | None:
    """A date for templates; ``iso`` (for ``<time datetime>``) carries the site's offset on a naive time."""
    if when is None:
        return None
    return {"label": when.label, "short": when.short_label, "iso": when.iso_in(tz), "year": when.year}


@dataclass
class LabViews(ViewBuilder):
    """A :class:`ViewBuilder` that also knows the YAML collections and the build's clock."""

    clock: Clock = field(kw_only=True)
    #: Thumbnails of people's photos by person id (size name -> src, src2, px), set by the site plan.
    photos: dict[str, dict[str, dict[str, object]]] = field(default_factory=dict, kw_only=True)

    def __post_init__(self) -> None:
        super().__post_init__()
        self._cache: dict[tuple[str, int], Any] = {}

    def _cached(self, kind: str, record: Any, make: Any) -> Any:
        key = (kind, id(record))
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = make(record)
        return found

    # URLs -------------------------------------------------------------------------------------------------

    def talk_url(self, talk_id: str) -> str | None:
        """The root-relative URL of a talk's page, if talk pages exist."""
        return self.urls.url("talks", talk_id)

    def project_url(self, project_id: str) -> str | None:
        """The root-relative URL of a project's page, if project pages exist."""
        return self.urls.url("projects", project_id)

    def note_url(self, note: Note) -> str:
        """The root-relative URL of a note (an ordinary page of the site)."""
        return self.urls.url_of_src(note.src_uri)

    def _anchor_url(self, kind: str, anchor: str) -> str | None:
        page = self.urls.url(kind)
        return f"{page}#{anchor}" if page is not None else None

    def ref_url(self, kind: str, ref: str) -> str | None:
        """Where a ``[text](kind:ref)`` link in data points, or ``None`` when the record has no page."""
        lab = self.lab
        if kind == "pub":
            pub = lab.publication(ref)
            if pub is None:
                return None
            return self.publication_url(pub) or self._anchor_url("publications", pub.slug)
        if kind == "person":
            return self.person_url(ref) if lab.person(ref) is not None else None
        if kind == "talk":
            return self.talk_url(ref) if lab.talk(ref) is not None else None
        if kind == "project":
            return self.project_url(ref) if lab.project(ref) is not None else None
        return None

    def rich(self, record: Record, field_name: str) -> Markup:
        """The HTML of a Markdown field with its record links pointing at their pages (safe: rendered from
        escaped Markdown by :mod:`labbook.text.markdown_text`)."""
        return Markup(resolve_refs(record.html_of(field_name), self.ref_url))

    # People -----------------------------------------------------------------------------------------------

    def person_ref(self, value: str | None) -> dict[str, Any] | None:
        """A person named by id (linked, with their view) or a plain name (not linked)."""
        if not value:
            return None
        person = self.lab.person(value)
        if person is not None:
            return {"name": person.name, "url": self.person_url(person.id), "person": self.person(person)}
        return {"name": value, "url": None, "person": None}

    def people_refs(self, ids: list[str]) -> list[dict[str, Any]]:
        """Person references for a list of ids, unknown ids left out (they were reported when loading)."""
        refs = [self.person_ref(pid) for pid in dict.fromkeys(ids) if self.lab.person(pid) is not None]
        return [r for r in refs if r is not None]

    def person(self, person: Person) -> dict[str, Any]:
        """The view of one person: profile, links and bio (their work lists are separate)."""
        return self._cached("person", person, self._person)

    def _person(self, p: Person) -> dict[str, Any]:
        years = ""
        if p.since and p.until:
            years = f"{p.since}–{p.until}"
        elif p.since:
            years = f"since {p.since}"
        elif p.until:
            years = f"until {p.until}"
        return {
            "id": p.id,
            "url": self.person_url(p.id),
            "name": p.name,
            "initials": "".join(w[0] for w in p.name.split()[:3] if w[:1].isalpha()).upper() or "?",
            "role": p.role,
            "role_label": ROLE_LABELS.get(p.role, p.role),
            "position": p.position or "",
            "affiliation": p.affiliation or "",
            "years": years,
            "now": p.now or "",
            "alumni": p.role == "alumni",
            "photo": _link("photo", p.name, p.photo) if p.photo else None,
            "thumbs": self.photos.get(p.id),
            "cv_url": self.urls.url("people", f"{p.id}/cv") if p.has_cv and self.urls.url("people") else None,
            "bio_html": self.rich(p, "bio"),
            "links": [_link(kind, label, url) for kind, label, url in p.links.resolved()],
        }

    def people_groups(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        """(role, heading, people) for each role that has people, in the order of :data:`ROLE_HEADINGS`."""
        groups = []
        for role, heading in ROLE_HEADINGS.items():
            members = [self.person(p) for p in self.lab.people if p.role == role]
            if members:
                groups.append((role, heading, members))
        return groups

    # Talks ------------------------------------------------------------------------------------------------

    def talk(self, talk: Talk) -> dict[str, Any]:
        """The view of one talk, with its speaker, publications and projects."""
        return self._cached("talk", talk, self._talk)

    def talks(self, talks: list[Talk]) -> list[dict[str, Any]]:
        """Views of several talks."""
        return [self.talk(t) for t in talks]

    def _talk(self, t: Talk) -> dict[str, Any]:
        lab = self.lab
        speaker_id = lab.speaker_of.get(t.id)
        speaker = self.person_ref(speaker_id or t.speaker)
        pubs = [p for p in (lab.publication(k) for k in dict.fromkeys(t.publications)) if p is not None]
        return {
            "id": t.id,
            "url": self.talk_url(t.id),
            "title": t.title,
            "date": _date(t.date, self.clock.tz),
            "upcoming": not self.clock.is_over(t.date),
            "kind": t.kind or "",
            "kind_label": t.kind_label,
            "selected": t.selected,
            "event": t.event or "",
            "host": t.host or "",
            "location": t.location or "",
            "speaker": speaker,
            "abstract_html": self.rich(t, "abstract"),
            "links": [_link(kind, label, url) for kind, label, url in t.links.resolved()],
            "publications": self.publications(pubs),
            "projects": [{"title": p.title, "url": self.project_url(p.id)}
                         for p in lab.projects_of_talk.get(t.id, [])],
            "topics": t.topics,
            "speaker_key": speaker_key(t, lab),
        }

    # Openings, news, courses ------------------------------------------------------------------------------

    def opening(self, o: Opening) -> dict[str, Any]:
        """The view of one opening; open or closed is decided by the build's clock."""
        state = o.state(self.clock)
        return {
            "id": o.id,
            "url": self._anchor_url("openings", f"opening-{o.id}"),
            "title": o.title,
            "level": o.level,
            "level_label": LEVEL_HEADINGS.get(o.level, o.level),
            "is_open": state.is_open,
            "status_label": state.label,
            "status_detail": state.detail,
            "posted": _date(o.posted, self.clock.tz),
            "description_html": self.rich(o, "description"),
            "apply_html": self.rich(o, "apply") if state.is_open else "",
        }

    def news_item(self, n: NewsItem) -> dict[str, Any]:
        """The view of one news item."""
        return self._cached("news", n, lambda item: {
            "id": item.anchor,
            "url": self._anchor_url("news", item.anchor),
            "date": _date(item.date, self.clock.tz),
            "title": item.title or "",
            "text_html": self.rich(item, "text"),
        })

    def course(self, c: Course) -> dict[str, Any]:
        """The view of one course."""
        return self._cached("course", c, lambda course: {
            "id": course.anchor,
            "url": self._anchor_url("teaching", course.anchor),
            "code": course.code,
            "title": course.title or "",
            "level_label": course.level_label,
            "terms": course.terms,
            "instructors": self.people_refs(course.instructors),
            "description_html": self.rich(course, "description"),
            "link": _link("course", "Course page", course.url) if course.url else None,
        })

    # Projects and notes -----------------------------------------------------------------------------------

    def project(self, p: Project) -> dict[str, Any]:
        """The view of one project with its people, publications and talks."""
        return self._cached("project", p, self._project)

    def _project(self, p: Project) -> dict[str, Any]:
        lab = self.lab
        pubs = [x for x in (lab.publication(k) for k in dict.fromkeys(p.publications)) if x is not None]
        talks = [t for t in (lab.talk(i) for i in dict.fromkeys(p.talks)) if t is not None]
        talks.sort(key=lambda t: t.date.sort_key(), reverse=True)
        return {
            "id": p.id,
            "url": self.project_url(p.id),
            "title": p.title,
            "status": p.status,
            "status_label": "Ongoing" if p.status == "ongoing" else "Completed",
            "summary": p.summary or "",
            "background_html": self.rich(p, "background"),
            "contributions_html": self.rich(p, "contributions"),
            "people": self.people_refs(p.people),
            "publications": self.publications(pubs),
            "talks": self.talks(talks),
            "topics": p.topics,
        }

    def note(self, n: Note) -> dict[str, Any]:
        """The view of one research note."""
        return self._cached("note", n, lambda note: {
            "url": self.note_url(note),
            "title": note.display_title,
            "authors": self.people_refs(note.authors),
            "date": _date(note.date, self.clock.tz),
            "status": note.status or "",
            "status_label": note.status_label,
            "tags": note.tags,
        })
