"""Loading a whole lab: every configured file, parsed and validated, into one linked :class:`Lab`."""

from __future__ import annotations

from labbook.catalog import Lab
from labbook.diagnostics import Report
from labbook.load.bibtex import merge_and_resolve, new_macro_table, read_bib_file
from labbook.load.collections import load_collection
from labbook.load.entries import build_publication, parse_author
from labbook.model.names import normalize_name
from labbook.model.person import Person
from labbook.settings import Settings


def load_lab(settings: Settings) -> Lab:
    """Read the bibliography files (sharing one ``@string`` namespace, in order) and the YAML collections."""
    report = Report()
    macros = new_macro_table()
    groups = []
    for name in settings.bibliography:
        path = settings.root / name
        if settings.bibliography_optional and not path.exists():
            continue
        groups.append(read_bib_file(path, settings.display(path), report, macros))
    raws = merge_and_resolve(groups, report)
    publications = [build_publication(raw, order, report) for order, raw in enumerate(raws)]
    people_path = settings.collection_path("people")
    people = _unique_people(load_collection(people_path, settings.display(people_path), Person, report), report)
    lab = Lab(publications=publications, people=people, report=report)
    lab.index(person_match_keys(people, report))
    return lab


def _unique_people(people: list[Person], report: Report) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in people:
        first = seen.get(person.id)
        if first is not None:
            report.error(person.source_path, person.line_of("id"), "people-duplicate-id",
                         f"duplicate person id '{person.id}': already used at line {first.line_of('id')}",
                         hint="give each person a different id; this record is skipped")
            continue
        seen[person.id] = person
    return list(seen.values())


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
