"""The Lab: every record, indexes by id, cross-links between people and their work, and queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from labbook.diagnostics import RecordCount, Report
from labbook.load.unreadable import unreadable_files
from labbook.model.common import Record
from labbook.model.course import Course
from labbook.model.dates import Clock
from labbook.model.names import normalize_name
from labbook.model.news import NewsItem
from labbook.model.note import Note
from labbook.model.opening import Opening
from labbook.model.person import Person
from labbook.model.project import Project
from labbook.model.publication import KIND_LABELS, Publication
from labbook.model.talk import Talk


@dataclass
class Lab:
    """All of a lab's records, linked. Built once per change of the input files; read by pages and macros."""

    publications: list[Publication] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    openings: list[Opening] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    courses: list[Course] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    #: Entries that only give details to others through ``crossref`` (a ``@proceedings`` ...), not listed as
    #: publications (see :mod:`labbook.load.crossref_parents`); exported BibTeX keeps them for those entries.
    crossref_parents: list[Publication] = field(default_factory=list)
    #: Kind of record (person, talk, project) -> (path, line, column) of the problem that made its data file
    #: unreadable; references to such records are not reported one by one (see :mod:`labbook.load.unreadable`).
    unreadable: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    #: Files of the site that data links to (absolute path -> whether it existed when the lab was loaded).
    local_files: dict[str, bool] = field(default_factory=dict)
    #: Ids (per kind: person, talk, project ...) of records skipped because they were invalid; references to
    #: them are not reported a second time.
    skipped: dict[str, set[str]] = field(default_factory=dict)
    #: What can still be checked of those records (their references and Markdown fields, see
    #: :meth:`labbook.model.common.Record.salvage`); never shown, only checked, so every problem shows at once.
    rejected: list[Record] = field(default_factory=list)
    by_key: dict[str, Publication] = field(default_factory=dict)
    people_by_id: dict[str, Person] = field(default_factory=dict)
    talks_by_id: dict[str, Talk] = field(default_factory=dict)
    projects_by_id: dict[str, Project] = field(default_factory=dict)
    papers_of: dict[str, list[Publication]] = field(default_factory=dict)
    person_keys: dict[str, str] = field(default_factory=dict)
    talks_of: dict[str, list[Talk]] = field(default_factory=dict)
    projects_of: dict[str, list[Project]] = field(default_factory=dict)
    notes_of: dict[str, list[Note]] = field(default_factory=dict)
    courses_of: dict[str, list[Course]] = field(default_factory=dict)
    speaker_of: dict[str, str] = field(default_factory=dict)
    talks_of_pub: dict[str, list[Talk]] = field(default_factory=dict)
    projects_of_pub: dict[str, list[Project]] = field(default_factory=dict)
    projects_of_talk: dict[str, list[Project]] = field(default_factory=dict)

    def index(self, person_keys: dict[str, str]) -> None:
        """Build the indexes and link authors to people.

        ``person_keys`` maps a normalised full name (see :func:`labbook.model.names.normalize_name`) to a
        person id; an author whose normalised name is not there stays a plain name.
        """
        self.person_keys = dict(person_keys)
        self.publications.sort(key=_newest_first)
        self.by_key = {}
        used_slugs: set[str] = set()
        owners: dict[str, Publication] = {}
        for pub in sorted(self.publications, key=lambda p: p.order):  # file order: URLs stay put as lists grow
            self.by_key[pub.key.casefold()] = pub
            wanted = pub.slug
            pub.slug = _unique(wanted, used_slugs)
            if pub.slug != wanted:
                first = owners[wanted]
                self.report.warning(pub.path, pub.line, "bib-key-clash",
                                    f"keys '{first.key}' and '{pub.key}' give the same URL "
                                    f"'{wanted}'; this entry's page is '{pub.slug}'",
                                    hint="rename one key so that it differs in letters or digits")
            owners[pub.slug] = pub
        self.people_by_id = {p.id: p for p in self.people}
        self.papers_of = {p.id: [] for p in self.people}
        for pub in self.publications:
            linked: set[str] = set()
            for author in (*pub.authors, *pub.editors):
                pid = person_keys.get(author.match_key)
                if pid is None:
                    continue
                author.person_id = pid
                author.is_member = self.people_by_id[pid].role != "alumni"
                if pid not in linked:
                    linked.add(pid)
                    self.papers_of[pid].append(pub)
        self._index_collections()

    def _index_collections(self) -> None:
        """Sort the YAML collections and build the reverse indexes (person -> talks, projects, notes ...).

        References to records that do not exist are left out here; :mod:`labbook.catalog.linking` reports them.
        """
        self.talks.sort(key=lambda t: t.date.sort_key(), reverse=True)
        self.news.sort(key=lambda n: n.date.sort_key(), reverse=True)
        self.notes.sort(key=lambda n: n.date.sort_key() if n.date else (0, 0), reverse=True)
        self.talks_by_id = {t.id: t for t in self.talks}
        self.projects_by_id = {p.id: p for p in self.projects}
        used: set[str] = {n.id for n in self.news if n.id}
        for item in self.news:
            if not item.id:
                item.set_anchor(_unique(item.derived_id(), used))
        people = self.people_by_id
        self.talks_of = {p: [] for p in people}
        self.projects_of = {p: [] for p in people}
        self.notes_of = {p: [] for p in people}
        self.courses_of = {p: [] for p in people}
        self.speaker_of, self.talks_of_pub, self.projects_of_pub, self.projects_of_talk = {}, {}, {}, {}
        for talk in self.talks:
            pid = self.speaker_id(talk.speaker)
            if pid is not None:
                self.speaker_of[talk.id] = pid
                self.talks_of[pid].append(talk)
            for key in _distinct(k.casefold() for k in talk.publications):
                if key in self.by_key:
                    self.talks_of_pub.setdefault(key, []).append(talk)
        for project in self.projects:
            for pid in _distinct(project.people):
                if pid in people:
                    self.projects_of[pid].append(project)
            for key in _distinct(k.casefold() for k in project.publications):
                if key in self.by_key:
                    self.projects_of_pub.setdefault(key, []).append(project)
            for tid in _distinct(project.talks):
                if tid in self.talks_by_id:
                    self.projects_of_talk.setdefault(tid, []).append(project)
        for note in self.notes:
            for pid in _distinct(note.authors):
                if pid in people:
                    self.notes_of[pid].append(note)
        for course in self.courses:
            for pid in _distinct(course.instructors):
                if pid in people:
                    self.courses_of[pid].append(course)

    def speaker_id(self, speaker: str | None) -> str | None:
        """The person id a talk's ``speaker`` names: an id from people.yml, or a person's name or alias."""
        if not speaker:
            return None
        if speaker in self.people_by_id:
            return speaker
        return self.person_keys.get(normalize_name(speaker))

    def talk(self, talk_id: str) -> Talk | None:
        """The talk with id ``talk_id``."""
        return self.talks_by_id.get(talk_id)

    def project(self, project_id: str) -> Project | None:
        """The project with id ``project_id``."""
        return self.projects_by_id.get(project_id)

    def query_talks(
        self,
        *,
        selected: bool | None = None,
        year: int | str | Iterable[int | str] | None = None,
        kind: str | Iterable[str] | None = None,
        speaker: str | None = None,
        topic: str | Iterable[str] | None = None,
        when: str | None = None,
        clock: Clock | None = None,
        limit: int | None = None,
    ) -> list[Talk]:
        """Talks matching every filter given, newest first (``when="upcoming"``: soonest first).

        ``when`` is ``upcoming`` or ``past`` (decided by ``clock``); ``speaker`` is a person id or a name.
        """
        talks = list(self.talks)
        if selected is not None:
            talks = [t for t in talks if t.selected == bool(selected)]
        if year is not None:
            years = _years(year)
            talks = [t for t in talks if t.date.year in years]
        if kind is not None:
            kinds = _folded(kind)
            talks = [t for t in talks if (t.kind or "") in kinds]
        if speaker is not None:
            key = normalize_name(speaker)
            talks = [t for t in talks if self.speaker_of.get(t.id) == speaker
                     or normalize_name(t.speaker or "") == key]
        if topic is not None:
            wanted = _folded(topic)
            talks = [t for t in talks if wanted & {x.casefold() for x in t.topics}]
        if when is not None:
            if clock is None or when not in {"upcoming", "past"}:
                raise ValueError(f"when must be 'upcoming' or 'past', not {when!r}")
            upcoming = when == "upcoming"
            talks = [t for t in talks if clock.is_over(t.date) != upcoming]
            if upcoming:
                talks.reverse()
        if limit is not None:
            talks = talks[: _limit(limit)]
        return talks

    def query_openings(self, *, clock: Clock, status: str = "open", level: str | Iterable[str] | None = None,
                       ) -> list[Opening]:
        """Openings in file order: ``status`` is ``open`` (at ``clock``), ``closed`` or ``all``."""
        if status not in {"open", "closed", "all"}:
            raise ValueError(f"status must be 'open', 'closed' or 'all', not {status!r}")
        found = list(self.openings)
        if level is not None:
            levels = _folded(level)
            found = [o for o in found if o.level in levels]
        if status != "all":
            found = [o for o in found if o.state(clock).is_open == (status == "open")]
        return found

    def latest_news(self, limit: int | None = None) -> list[NewsItem]:
        """News items, newest first, at most ``limit``."""
        return self.news if limit is None else self.news[: _limit(limit)]

    def record_counts(self) -> list[RecordCount]:
        """Records read vs records kept, for every data file the loader counted (in the order read).

        Every list of records held by the Lab is counted (except the rejected ones), so a new collection is
        included without changes here.
        """
        kept: dict[str, int] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, list) or item.name == "rejected":
                continue
            for record in value:
                path = getattr(record, "source_path", None) or getattr(record, "path", None)
                if isinstance(path, str):
                    kept[path] = kept.get(path, 0) + 1
        broken = unreadable_files(self.report)
        return [RecordCount(path, read, kept.get(path, 0), unreadable=path in broken)
                for path, read in self.report.read.items()]

    def publication(self, key: str) -> Publication | None:
        """The publication with BibTeX key ``key`` (keys compare case-insensitively, as in BibTeX)."""
        return self.by_key.get(key.casefold())

    def person(self, person_id: str) -> Person | None:
        """The person with id ``person_id``."""
        return self.people_by_id.get(person_id)

    def query_publications(
        self,
        *,
        year: int | str | Iterable[int | str] | None = None,
        topic: str | Iterable[str] | None = None,
        type: str | Iterable[str] | None = None,
        author: str | None = None,
        selected: bool | None = None,
        limit: int | None = None,
        keys: Iterable[str] | None = None,
    ) -> list[Publication]:
        """Publications matching every filter given, newest first.

        ``year`` takes a year, a list of years or a range string ``"2020-2024"``; ``topic`` and ``type`` a
        value or a list (case-insensitive; ``type`` is a kind such as ``conference`` or a BibTeX type such
        as ``inproceedings``); ``author`` a person id or a name; ``keys`` a list of BibTeX keys (in that order).
        """
        if keys is not None:
            found = [self.publication(k) for k in keys]
            pubs = [p for p in found if p is not None]
        else:
            pubs = list(self.publications)
        if year is not None:
            years = _years(year)
            pubs = [p for p in pubs if p.year in years]
        if topic is not None:
            wanted = _folded(topic)
            pubs = [p for p in pubs if wanted & {t.casefold() for t in p.topics}]
        if type is not None:
            kinds = _folded(type)
            pubs = [p for p in pubs if p.kind in kinds or p.entry_type in kinds
                    or KIND_LABELS.get(p.kind, "").casefold() in kinds]
        if author is not None:
            key = normalize_name(author)
            pid = author if author in self.people_by_id else self.person_keys.get(key)
            pubs = [p for p in pubs if any(a.match_key == key or (pid and a.person_id == pid)
                                           for a in (*p.authors, *p.editors))]
        if selected is not None:
            pubs = [p for p in pubs if p.selected == bool(selected)]
        if limit is not None:
            pubs = pubs[: _limit(limit)]
        return pubs

    def topics(self) -> list[str]:
        """Every topic used, in first-seen order of the newest-first list."""
        seen: dict[str, str] = {}
        for pub in self.publications:
            for topic in pub.topics:
                seen.setdefault(topic.casefold(), topic)
        return sorted(seen.values(), key=str.casefold)


def _newest_first(pub: Publication) -> tuple[int, int, int]:
    # Undated entries ("Forthcoming") come first, as they are usually the newest.
    year = pub.year if pub.year is not None else 10_000
    return (-year, -(pub.month or 0), pub.order)


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _years(value: int | str | Iterable[int | str]) -> set[int | None]:
    if isinstance(value, bool):
        raise ValueError(f"year must be a year such as 2024, a list or a range '2020-2024', not {value!r}")
    if isinstance(value, int):
        return {value}
    if isinstance(value, str):
        text = value.strip()
        if text.casefold() == "forthcoming":
            return {None}
        start, dash, end = text.partition("-")
        if text.isdigit():
            return {int(text)}
        if dash and start.strip().isdigit() and end.strip().isdigit():
            return set(range(int(start), int(end) + 1))
        raise ValueError(f"year must be a year such as 2024, a list or a range '2020-2024', not {value!r}")
    return set().union(*(_years(v) for v in value)) if value else set()


def _limit(value: object) -> int:
    """A list length from a macro argument; a clear error for anything that is not a whole number."""
    if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.isdigit())):
        raise ValueError(f"limit must be a whole number, not {value!r}")
    return max(int(value), 0)


def _folded(value: str | Iterable[str]) -> set[str]:
    if isinstance(value, str):
        return {value.casefold()}
    return {v.casefold() for v in value}
