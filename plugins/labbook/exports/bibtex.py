"""Clean BibTeX for visitors to copy: the lab's entries without the fields that only steer the website."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from labbook.model.bib_entry import RawEntry
from labbook.model.publication import Publication

#: Fields that only steer how al-folio (and labbook) show an entry; they mean nothing to a reader's
#: reference manager, so exported BibTeX leaves them out. al-folio's own ``filtered_bibtex_keywords``
#: (in its _config.yml) also drops ``abstract`` and ``arxiv``; those are kept here because they carry
#: information (biblatex knows ``abstract``, and ``arxiv`` may be the only place an entry names its preprint).
#: ``keywords`` is a standard field and is kept.
DISPLAY_ONLY_FIELDS: frozenset[str] = frozenset(
    {
        "abbr", "selected", "pdf", "html", "code", "slides", "poster", "video", "blog", "website", "supp",
        "award", "award_name", "preview", "bibtex_show", "annotation", "additional_info",
        "google_scholar_id", "altmetric", "dimensions", "inspirehep_id", "summary", "topics", "tldr",
    }
)  # fmt: skip
_BRACES = re.compile(r"[{}]")


def entry_to_bibtex(
    raw: RawEntry, *, drop: frozenset[str] = DISPLAY_ONLY_FIELDS, resolve_crossref: bool = False
) -> str:
    """One entry as ``@type{key,\\n  field = {value},\\n}``, fields in their original order.

    Values are written exactly as read (TeX, after ``@string`` expansion), always in braces. Fields in
    ``drop`` are left out. Fields inherited through ``crossref`` are left out too, since the parent entry
    carries them; with ``resolve_crossref=True`` they are written instead and ``crossref`` is dropped, which
    makes a self-contained entry for a single "copy BibTeX" box.
    """
    lines = [f"@{raw.type}{{{raw.key},"]
    for name, field in raw.fields.items():
        if name in drop:
            continue
        if resolve_crossref:
            if name == "crossref":
                continue
        elif name in raw.inherited:
            continue
        lines.append(f"  {name} = {{{_balanced(field.value)}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def bibliography_to_bibtex(pubs: Iterable[Publication], *, drop: frozenset[str] = DISPLAY_ONLY_FIELDS,
                           entry_text: Callable[[Publication], str] | None = None) -> str:
    """All entries of ``pubs``, one blank line apart, in the order given.

    A crossref parent (a ``@proceedings``, say) is a Publication like any other, so it is exported when it
    is in ``pubs``. It is moved after the entries that refer to it, because classic BibTeX only resolves a
    crossref to an entry that comes later in the file. ``entry_text`` may supply each entry's text when the
    caller already has it (it must equal ``entry_to_bibtex(pub.raw, drop=drop)``).
    """
    pubs = list(pubs)
    parents = {p.raw.get("crossref").strip().casefold() for p in pubs if p.raw.get("crossref").strip()}
    first = [p for p in pubs if p.key.casefold() not in parents]
    last = [p for p in pubs if p.key.casefold() in parents]
    text = entry_text or (lambda pub: entry_to_bibtex(pub.raw, drop=drop))
    return "\n".join(text(p) for p in first + last)


def _balanced(value: str) -> str:
    """``value`` with any unmatched brace removed, so that it can sit between braces.

    Entries read by the loader always balance (pybtex refuses anything else); this only guards entries made
    some other way, where one stray ``}`` would otherwise end the field early and corrupt the file.
    """
    if "{" not in value and "}" not in value:
        return value
    depth = 0
    for brace in _BRACES.findall(value):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            break
    else:
        if depth == 0:
            return value  # the usual case: already balanced
    depth = 0
    out: list[str] = []
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    if depth == 0:
        return "".join(out)
    # Drop the last ``depth`` unmatched opening braces, scanning from the right.
    result: list[str] = []
    closers = 0
    for ch in reversed(out):
        if ch == "}":
            closers += 1
        elif ch == "{":
            if closers == 0 and depth > 0:
                depth -= 1
                continue
            closers -= 1
        result.append(ch)
    return "".join(reversed(result))
