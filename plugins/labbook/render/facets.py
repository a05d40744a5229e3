"""The filter controls ("facets") above a generated list: which values each filter offers, with counts.

The page carries every record; the controls are hidden until labbook.js runs, so without JavaScript the full
list is there. The script reads each card's ``data-*`` attributes (written by the card templates) and matches
them against the values computed here, so the names below are shared with the templates and the script.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from labbook.catalog.lab import Lab
from labbook.model.publication import KIND_LABELS, Publication
from labbook.model.talk import TALK_KINDS, Talk
from labbook.text.slugs import slugify

#: Separator of multi-valued ``data-*`` attributes (topics, members); a topic containing it is split there.
MULTI_SEPARATOR = "|"


def speaker_key(talk: Talk, lab: Lab) -> str:
    """What the speaker filter matches a talk by: the person id of a lab member, else the guest's name as a slug
    ("" without a speaker)."""
    person_id = lab.speaker_of.get(talk.id)
    if person_id:
        return person_id
    return slugify(talk.speaker, fallback="") if talk.speaker else ""


def _options(counts: Counter[str], labels: dict[str, str], order: list[str]) -> list[dict[str, Any]]:
    return [{"value": v, "label": labels.get(v, v), "count": counts[v]} for v in order if counts[v]]


def publication_facets(pubs: list[Publication], lab: Lab) -> dict[str, Any]:
    """The filters of ``/publications/``: years, types, topics, lab members and "selected", with counts.

    Topics compare case-insensitively (the spelling seen first is shown); members are people from people.yml
    who authored or edited an entry, current members before alumni.
    """
    years = Counter(p.year_label for p in pubs)
    year_order = sorted(years, key=lambda y: (y.isdigit(), -int(y) if y.isdigit() else 0))
    kinds = Counter(p.kind for p in pubs)
    topic_names: dict[str, str] = {}
    topics: Counter[str] = Counter()
    for pub in pubs:
        for topic in {t.casefold(): t for t in pub.topics}.values():
            name = topic_names.setdefault(topic.casefold(), topic)
            topics[name] += 1
    members: Counter[str] = Counter()
    for pub in pubs:
        members.update({a.person_id for a in (*pub.authors, *pub.editors) if a.person_id})
    people = [lab.person(pid) for pid in members]
    current = sorted((p for p in people if p is not None and p.role != "alumni"), key=lambda p: p.name.casefold())
    alumni = sorted((p for p in people if p is not None and p.role == "alumni"), key=lambda p: p.name.casefold())
    member_groups = [
        {"label": label, "options": [{"value": p.id, "label": p.name, "count": members[p.id]} for p in group]}
        for label, group in (("Lab members", current), ("Alumni", alumni)) if group
    ]
    return {
        "total": len(pubs),
        "years": _options(years, {}, year_order),
        "types": _options(kinds, KIND_LABELS, list(KIND_LABELS)),
        "topics": _options(topics, {}, sorted(topics, key=str.casefold)),
        "members": member_groups,
        "selected": sum(1 for p in pubs if p.selected),
    }


def talk_facets(talks: list[Talk], lab: Lab) -> dict[str, Any]:
    """The filters of ``/talks/``: years (newest first), kinds and speakers (lab members first, then guests,
    each by name), with counts."""
    years = Counter(str(t.date.year) for t in talks)
    kinds = Counter(t.kind for t in talks if t.kind)
    speakers: Counter[str] = Counter()
    names: dict[str, str] = {}
    members: set[str] = set()
    for talk in talks:
        key = speaker_key(talk, lab)
        if not key:
            continue
        speakers[key] += 1
        person = lab.person(key) if key == lab.speaker_of.get(talk.id) else None
        if person is not None:
            members.add(key)
        names.setdefault(key, person.name if person is not None else talk.speaker or key)
    groups = []
    for label, keys in (("Lab members", [k for k in speakers if k in members]),
                        ("Guests", [k for k in speakers if k not in members])):
        if keys:
            keys.sort(key=lambda k: names[k].casefold())
            groups.append({"label": label, "options": [{"value": k, "label": names[k], "count": speakers[k]}
                                                       for k in keys]})
    return {
        "total": len(talks),
        "years": _options(years, {}, sorted(years, key=int, reverse=True)),
        "kinds": _options(kinds, TALK_KINDS, list(TALK_KINDS)),
        "speakers": groups,
    }
