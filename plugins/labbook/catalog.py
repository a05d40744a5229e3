"""The Lab: every record, indexes by id, cross-links between people and their work, and queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from labbook.diagnostics import Report
from labbook.model.names import normalize_name
from labbook.model.person import Person
from labbook.model.publication import KIND_LABELS, Publication


@dataclass
class Lab:
    """All of a lab's records, linked. Built once per change of the input files; read by pages and macros."""

    publications: list[Publication] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    by_key: dict[str, Publication] = field(default_factory=dict)
    people_by_id: dict[str, Person] = field(default_factory=dict)
    papers_of: dict[str, list[Publication]] = field(default_factory=dict)
    person_keys: dict[str, str] = field(default_factory=dict)

    def index(self, person_keys: dict[str, str]) -> None:
        """Build the indexes and link authors to people.

        ``person_keys`` maps a normalised full name (see :func:`labbook.model.names.normalize_name`) to a
        person id; an author whose normalised name is not there stays a plain name.
        """
        self.person_keys = dict(person_keys)
        self.publications.sort(key=_newest_first)
        self.by_key = {}
        used_slugs: set[str] = set()
        for pub in self.publications:
            self.by_key[pub.key.casefold()] = pub
            pub.slug = _unique(pub.slug, used_slugs)
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
            pubs = pubs[: max(int(limit), 0)]
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


def _years(value: int | str | Iterable[int | str]) -> set[int | None]:
    if isinstance(value, int):
        return {value}
    if isinstance(value, str):
        text = value.strip()
        if "-" in text[1:]:
            start, _, end = text.partition("-")
            return set(range(int(start), int(end) + 1))
        return {int(text)} if text.isdigit() else {None}
    return {int(v) for v in value}


def _folded(value: str | Iterable[str]) -> set[str]:
    if isinstance(value, str):
        return {value.casefold()}
    return {v.casefold() for v in value}
