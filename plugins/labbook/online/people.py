"""Authors of a new paper matched to people.yml: by ORCID iD first, then by name and aliases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from labbook.diagnostics import Report
from labbook.load.collections import load_collection
from labbook.load.entries import parse_author
from labbook.model.names import normalize_name
from labbook.model.person import Person
from labbook.online.records import bare_orcid
from labbook.online.work import Contributor


@dataclass(frozen=True, slots=True)
class AuthorMatch:
    """An author of the paper who is a person of the lab, and how they were recognised."""

    author: str
    person_id: str
    by: str
    """``ORCID`` or ``name``."""
    note: str = ""
    """Advice, e.g. that the name as printed is not among the person's aliases (so the build will not link it)."""


def read_people(path: Path, shown: str) -> tuple[list[Person], Report]:
    """The valid people of people.yml (a missing file is no people) and what was wrong in it."""
    report = Report()
    return load_collection(path, shown, Person, report), report


class PeopleIndex:
    """The lab's people by ORCID iD and by every spelling of their name."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.by_orcid: dict[str, Person] = {}
        self.by_name: dict[str, Person | None] = {}
        for person in people:
            orcid = bare_orcid(person.links.orcid)
            if orcid:
                self.by_orcid[orcid] = person
            for name in [person.name, *person.aliases]:
                key = _key(name)
                # Two people claiming one spelling: that name links to no one (as in a build).
                self.by_name[key] = person if self.by_name.get(key, person) is person else None

    def match(self, authors: list[Contributor]) -> list[AuthorMatch]:
        """Every author who is a person of the lab. A name matches only as written in people.yml (with its
        aliases): "K. Lee" never matches "Kangwook Lee" unless "K. Lee" is one of his aliases."""
        found: list[AuthorMatch] = []
        for author in authors:
            person = self.by_orcid.get(author.orcid) if author.orcid else None
            name_key = _key(author.display)
            if person is not None:
                note = "" if self.by_name.get(name_key) is person else (
                    f"'{author.display}' is not {person.id}'s name or an alias in people.yml; add it to "
                    "`aliases` so the page links it")
                found.append(AuthorMatch(author.display, person.id, "ORCID", note))
                continue
            named = self.by_name.get(name_key)
            if named is not None and not author.literal:
                found.append(AuthorMatch(author.display, named.id, "name"))
        return found


def _key(name: str) -> str:
    try:
        return parse_author(name).match_key
    except Exception:  # pybtex refuses some strings as names; such a name still matches literally
        return normalize_name(name)
