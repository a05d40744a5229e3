"""Checks on what a lab's pages will load and be called, reported at load time so that `labbook check` and a
build agree: every record's page gets a name of its own (the pages themselves get safe names from
:class:`labbook.render.site_urls.SiteUrls`), and no photo comes from another host unless the site allows it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from labbook.catalog.lab import Lab
from labbook.diagnostics import Report
from labbook.model.course import Course
from labbook.model.person import Person
from labbook.text.path_names import WINDOWS_DEVICES, name_problem, safe_name, taken_names
from labbook.text.remote_media import REMOTE_MEDIA_HINT, refused_remote


def check_page_names(lab: Lab, pages: Mapping[str, str], per_publication_pages: bool, report: Report) -> None:
    """Report every key or id that cannot name its page (and the page it gets instead), and two records
    whose pages would end up at the same path."""
    kinds: list[tuple[str, str, list[tuple[str, str, str, int, int]]]] = []
    if per_publication_pages:
        kinds.append(("publications", "key", [(p.key, p.slug, p.path, p.line, 0) for p in lab.publications]))
    for kind, records in (("people", lab.people), ("talks", lab.talks), ("projects", lab.projects)):
        kinds.append((kind, "id", [(r.id, r.id, r.source_path, *r.where_of("id")) for r in records]))
    for kind, field, records in kinds:
        prefix = pages.get(kind, "").strip("/")
        if not prefix:
            continue
        taken = taken_names(kind, pages)
        owners: dict[str, tuple[str, str, int]] = {}
        for ident, slug, path, line, column in records:
            page = safe_name(slug, kind, taken)
            why = name_problem(slug, taken) or _key_problem(ident, field)
            if why is not None:
                report.warning(path, line, "page-name", f"the {field} '{ident}' cannot be the name of its page"
                               f" ({why}); its page is {prefix}/{page}/", column=column,
                               hint=f"rename the {field} if the page should have another name")
            first = owners.setdefault(page, (ident, path, line))
            if first[0] != ident:
                report.error(path, line, "page-name-clash",
                             f"the {field}s '{first[0]}' ({first[1]}:{first[2]}) and '{ident}' both give the page"
                             f" {prefix}/{page}/; the second replaces the first", column=column,
                             hint=f"rename one of the two {field}s")


def _key_problem(key: str, field: str) -> str | None:
    # BibTeX keys are slugged before they get here (CON -> con-entry): say so. A key longer than 80
    # characters is only shortened (real bibliographies have them, and the page keeps the key's start).
    if field == "key" and key.lower() in WINDOWS_DEVICES:
        return "Windows reserves it for a device, so the site could not be built or checked out there"
    return None


def unique_course_anchors(courses: list[Course], report: Report) -> list[Course]:
    """``courses`` without the later ones whose code gives the same anchor as an earlier one (``CS 101`` and
    ``CS-101`` are both ``#cs-101`` on the teaching page); each is an error naming both codes."""
    seen: dict[str, Course] = {}
    kept: list[Course] = []
    for course in courses:
        first: Any = seen.setdefault(course.anchor, course)
        if first is not course:
            line, column = course.where_of("code")
            report.error(course.source_path, line, "duplicate-code",
                         f"the course codes '{first.code}' (line {first.line_of('code')}) and '{course.code}' give"
                         f" the same anchor '#{course.anchor}' on the teaching page; this course is skipped",
                         column=column, hint="write the code the same way in both places, or merge the two courses")
            continue
        kept.append(course)
    return kept


def without_remote_photos(people: list[Person], allowed: tuple[str, ...], report: Report) -> list[Person]:
    """``people``, where a ``photo`` on a host that ``allowed`` does not list is reported and left out (the
    initials are shown instead), so no reader's browser contacts that host. Records are copied, not changed:
    `mkdocs serve` reuses them between loads."""
    out: list[Person] = []
    for person in people:
        if person.photo and (host := refused_remote(person.photo, allowed)) is not None:
            line, column = person.where_of("photo")
            report.warning(person.source_path, line, "yaml-remote-media",
                           f"photo: '{person.photo[:80]}' would be loaded from {host} by every reader's browser;"
                           " it is not shown", column=column, hint=REMOTE_MEDIA_HINT)
            person = person.model_copy(update={"photo": None})
        out.append(person)
    return out
