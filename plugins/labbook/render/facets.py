"""The filter controls ("facets") above a generated list: which values each filter offers, with counts.

The page carries every record; the controls are hidden until labbook.js runs, so without JavaScript the full
list is there. The script reads each card's ``data-*`` attributes (written by the card templates) and matches
them against the values computed here, so the names below are shared with the templates and the script.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from labbook.catalog import Lab
from labbook.model.publication import KIND_LABELS, Publication

#: Separator of multi-valued ``data-*`` attributes (topics, members); a topic containing it is split there.
MULTI_SEPARATOR = "|"


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
