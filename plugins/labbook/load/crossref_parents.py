"""Which entries of a bibliography exist only to be the ``crossref`` target of others.

A conference paper written with ``crossref = {conf2024}`` takes its venue, year and editors from a
``@proceedings{conf2024, ...}`` entry. Exporters such as DBLP write one such parent for every paper, so a lab's
file can hold hundreds of them (429 in one real bibliography). They describe a venue, not the lab's work, and
are not listed unless the site asks for them (``list_crossref_parents: true``); the exported BibTeX keeps
them, since the entries that refer to them need them.
"""

from __future__ import annotations

from labbook.diagnostics import Report
from labbook.model.publication import Publication

#: Entry types that hold other works (biblatex's container types).
CONTAINER_TYPES = frozenset({"proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection",
                             "periodical"})


def is_mere_parent(pub: Publication, targets: set[str]) -> bool:
    """True when ``pub`` is a container entry named in another entry's ``crossref`` (``targets`` are those
    keys, case-folded). A book with authors of its own is the work of those authors, so it stays listed."""
    if pub.key.casefold() not in targets or pub.entry_type not in CONTAINER_TYPES:
        return False
    return not (pub.entry_type in {"book", "mvbook"} and pub.raw.get("author").strip())


def split_crossref_parents(pubs: list[Publication], report: Report) -> tuple[list[Publication], list[Publication]]:
    """The publications to list, and the mere crossref parents among ``pubs``; one notice per file says how
    many parents are not listed."""
    targets = {p.raw.get("crossref").strip().casefold() for p in pubs if p.raw.get("crossref").strip()}
    listed: list[Publication] = []
    parents: list[Publication] = []
    for pub in pubs:
        (parents if is_mere_parent(pub, targets) else listed).append(pub)
    by_file: dict[str, list[Publication]] = {}
    for parent in parents:
        by_file.setdefault(parent.path, []).append(parent)
    for path, found in by_file.items():
        count = len(found)
        report.info(path, found[0].line, "bib-crossref-parent",
                    f"{count} entr{'ies' if count != 1 else 'y'} (such as '{found[0].key}') only give details to"
                    " entries that name them in crossref, so they are not listed as publications",
                    hint="set `list_crossref_parents: true` in the labbook options of mkdocs.yml to list them")
    return listed, parents
