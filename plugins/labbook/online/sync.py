"""``labbook sync``: the works in the lab's people's ORCID and OpenAlex records not yet in the bibliography."""

from __future__ import annotations

from dataclasses import dataclass, field

from labbook.model.person import Person
from labbook.online.bibindex import Bibliography, Match, Paper, normal_title
from labbook.online.endpoints import Endpoints
from labbook.online.http import Client, FetchError
from labbook.online.listings import Listed, openalex_works, orcid_works
from labbook.online.records import bare_orcid

#: At most this many OpenAlex pages (of 200 works) are read per person.
_MAX_OPENALEX_PAGES = 10


@dataclass
class SyncResult:
    """What ``sync`` found: the missing works, the preprints they could upgrade, and what went wrong."""

    checked: list[Person] = field(default_factory=list)
    missing: list[Listed] = field(default_factory=list)
    upgrades: list[tuple[Listed, Match]] = field(default_factory=list)
    undated: int = 0
    """Works left out because they have no year and a year filter applies."""
    problems: list[str] = field(default_factory=list)


def openalex_id(person: Person) -> str:
    """The person's OpenAlex author id (``A5023888391``) from ``links.openalex``, or ""."""
    value = (person.links.openalex or "").rstrip("/")
    return value.rsplit("/", 1)[-1] if value else ""


def find_missing(people: list[Person], bibliography: Bibliography, client: Client, endpoints: Endpoints,
                 since: int | None = None) -> SyncResult:
    """Every work of every person with an ORCID iD or OpenAlex id that the bibliography lacks.

    A work counts for a person only inside their membership (``since`` to ``until``, when people.yml gives
    them) and from ``since`` on; a work with no year is then left out (and counted). The same work listed
    for two people, or by ORCID and OpenAlex, is listed once.
    """
    result = SyncResult()
    seen: dict[str, Listed] = {}
    for person in people:
        orcid, openalex = bare_orcid(person.links.orcid), openalex_id(person)
        if not orcid and not openalex:
            continue
        result.checked.append(person)
        listed: list[Listed] = []
        try:
            if orcid:
                listed += orcid_works(client.get(endpoints.orcid_works(orcid)).body)
            if openalex:
                listed += _openalex_all(openalex, client, endpoints)
        except FetchError as exc:
            result.problems.append(f"{person.id}: {exc}")
            continue
        for work in listed:
            if not _in_range(work, person, since):
                result.undated += work.year is None
                continue
            known = _seen_key(work, seen)
            if known is not None:
                if person.id not in known.people:
                    known.people.append(person.id)
                known.sources += [s for s in work.sources if s not in known.sources]
                continue
            work.people.append(person.id)
            for key in _keys(work):
                seen[key] = work
            match = bibliography.find(Paper(doi=work.doi, arxiv=work.arxiv, title=normal_title(work.title),
                                            year=work.year, published=_published(work)))
            if match is None:
                result.missing.append(work)
            elif match.kind == "upgrade":
                result.upgrades.append((work, match))
    return result


def _openalex_all(author: str, client: Client, endpoints: Endpoints) -> list[Listed]:
    works: list[Listed] = []
    cursor = "*"
    for _ in range(_MAX_OPENALEX_PAGES):
        page, cursor = openalex_works(client.get(endpoints.openalex_works(author, cursor)).body)
        works += page
        if not cursor:
            break
    return works


def _in_range(work: Listed, person: Person, since: int | None) -> bool:
    low = max(y for y in (since, person.since) if y is not None) if (since or person.since) else None
    high = person.until
    if low is None and high is None:
        return True
    if work.year is None:
        return False
    return (low is None or work.year >= low) and (high is None or work.year <= high)


def _keys(work: Listed) -> list[str]:
    keys = [f"doi:{work.doi}"] if work.doi else []
    keys += [f"arxiv:{work.arxiv}"] if work.arxiv else []
    title = normal_title(work.title)
    return keys + ([f"title:{title}:{work.year}"] if title else [])


def _seen_key(work: Listed, seen: dict[str, Listed]) -> Listed | None:
    return next((seen[k] for k in _keys(work) if k in seen), None)


def _published(work: Listed) -> bool:
    return bool(work.doi) and not work.doi.startswith("10.48550/") and work.type not in ("preprint", "posted-content")
