"""Loading a whole lab: every configured file, parsed and validated, into one linked :class:`Lab`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from labbook.catalog.lab import Lab
from labbook.catalog.linking import link_lab, unique_records
from labbook.catalog.page_names import check_page_names, unique_course_anchors, without_remote_photos
from labbook.diagnostics import Report
from labbook.load.bibtex import merge_and_resolve, new_macro_table, read_bib_file
from labbook.load.collections import R, load_collection
from labbook.load.crossref_parents import split_crossref_parents
from labbook.load.entries import build_publication, parse_author
from labbook.load.local_files import check_local_files
from labbook.load.notes import load_notes, note_files
from labbook.load.unreadable import unreadable_files
from labbook.model.common import Record
from labbook.model.course import Course
from labbook.model.names import normalize_name
from labbook.model.news import NewsItem
from labbook.model.opening import Opening
from labbook.model.person import Person
from labbook.model.project import Project
from labbook.model.publication import Publication
from labbook.model.talk import Talk
from labbook.settings import Settings
from labbook.text.markdown_text import MarkdownText

if TYPE_CHECKING:
    from labbook.load.incremental import LoadMemo


def load_lab(settings: Settings, memo: LoadMemo | None = None) -> Lab:
    """Read the bibliography files (sharing one ``@string`` namespace, in order), the YAML collections and
    the research notes, and link them; every problem is in the lab's report.

    With a ``memo`` (kept by `mkdocs serve` between rebuilds) only what changed since its last load is
    parsed again; the result is the same.
    """
    read_bib = memo.read_bib if memo else read_bib_file
    build = memo.publication if memo else build_publication
    load = memo.collection if memo else load_collection
    if memo:
        memo.begin()
    report = Report()
    macros = new_macro_table()
    groups = []
    for name in settings.bibliography:
        path = settings.root / name
        if settings.bibliography_optional and not path.exists():
            continue
        groups.append(read_bib(path, settings.display(path), report, macros))
    raws = merge_and_resolve(groups, report)
    publications = [build(raw, order, report) for order, raw in enumerate(raws)]
    parents: list[Publication] = []
    if not settings.list_crossref_parents:
        publications, parents = split_crossref_parents(publications, report)
    skipped: dict[str, set[str]] = {"person": set(), "talk": set(), "project": set()}
    rejected: list[Record] = []

    def collection(name: str, model: type[R], noun: str, id_field: str = "id") -> list[R]:
        path = settings.collection_path(name)
        records = load(path, settings.display(path), model, report, skipped.setdefault(noun, set()), id_field,
                       rejected)
        return unique_records(records, lambda r: getattr(r, id_field), id_field, noun, report)

    people = without_remote_photos(collection("people", Person, "person"), settings.remote_media, report)
    lab = Lab(
        publications=publications,
        crossref_parents=parents,
        people=people,
        talks=collection("talks", Talk, "talk"),
        openings=collection("openings", Opening, "opening"),
        news=collection("news", NewsItem, "news item"),
        courses=unique_course_anchors(collection("courses", Course, "course", id_field="code"), report),
        projects=collection("projects", Project, "project"),
        notes=load_notes(notes_dir(settings), settings.docs_dir, settings.display(notes_dir(settings)), report,
                         rejected),
        report=report,
        skipped=skipped,
        rejected=rejected,
        unreadable=_unreadable_kinds(settings, report),
    )
    lab.local_files = check_local_files(lab.publications, lab.people, lab.talks, settings.docs_dir,
                                        settings.display(settings.docs_dir), report)
    lab.index(person_match_keys(people, report))
    link_lab(lab, report, memo.markdown(settings.remote_media) if memo else MarkdownText(settings.remote_media))
    check_page_names(lab, settings.pages, settings.per_publication_pages, report)
    return lab


def _unreadable_kinds(settings: Settings, report: Report) -> dict[str, tuple[str, int, int]]:
    broken = unreadable_files(report)
    kinds = {"person": "people", "talk": "talks", "project": "projects"}
    places = {kind: settings.display(settings.collection_path(name)) for kind, name in kinds.items()}
    return {kind: (path, *broken[path]) for kind, path in places.items() if path in broken}


def notes_dir(settings: Settings) -> Path:
    """The folder of the research notes (``docs/notes`` by default)."""
    return settings.docs_dir / settings.notes_dir


def lab_inputs(settings: Settings) -> list[Path]:
    """Every file a lab is read from, for caches that must notice a change."""
    inputs = [settings.root / b for b in settings.bibliography]
    inputs += [settings.collection_path(name) for name in sorted(settings.collections)]
    return inputs + note_files(notes_dir(settings))


def person_match_keys(people: list[Person], report: Report) -> dict[str, str]:
    """Normalised full name -> person id, from each person's name and aliases.

    A name is read the way BibTeX reads author names, so "Lee, Kangwook" and "Kangwook Lee" are the same.
    Two people claiming the same name is an error: an author must never be linked to the wrong person.
    """
    keys: dict[str, str] = {}
    for person in people:
        for index, name in enumerate([person.name, *person.aliases]):
            key = _match_key(name)
            owner = keys.get(key)
            if owner is not None and owner != person.id:
                field = ("name",) if index == 0 else ("aliases", index - 1)
                report.error(person.source_path, person.line_of(*field), "people-ambiguous-name",
                             f"'{name}' is also the name or an alias of '{owner}'; authors with this name"
                             " stay unlinked", hint="remove the alias from one of the two people")
                keys[key] = ""
                continue
            if owner is None:
                keys[key] = person.id
    return {k: v for k, v in keys.items() if v}


def _match_key(name: str) -> str:
    try:
        return parse_author(name).match_key
    except Exception:  # pybtex refuses some strings as names; such an alias still matches literally
        return normalize_name(name)
