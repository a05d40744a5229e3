"""Which BibTeX field names labbook knows, and the checks that catch a misspelt name or a non-boolean flag.

A misspelt field (``jounral``) is not an error to BibTeX: the value is silently ignored, and the venue is lost.
Only near-misses of a known field are reported, never a field that is merely unknown: real files carry many
tool-specific fields (``hal_id``, ``informal_venue``, ``mendeley-tags``), and none of them is a mistake.
"""

from __future__ import annotations

from collections.abc import Iterable

from labbook.diagnostics import Report, closest, did_you_mean

# Fields of BibTeX and biblatex, of common reference managers and exporters (DBLP, ACM, Zotero, JabRef, ADS),
# of al-folio, and labbook's own.
_FIELD_LIST = """
    address annote author booktitle chapter crossref edition editor howpublished institution journal key month
    note number organization pages publisher school series title type volume year
    abstract addendum afterword annotation annotator archiveprefix primaryclass eprint eprinttype eprintclass
    date day doi eid isbn issn isrn issue issuetitle journaltitle keywords language langid location maintitle
    origdate pagetotal pubstate shorttitle subtitle titleaddon translator url urldate version venue eventtitle
    eventdate file ids entrysubtype options related shortjournal sortkey presort label foreword introduction
    bookauthor booksubtitle booktitleaddon commentator holder institution mainsubtitle origlocation
    origpublisher part reprinttitle xref xdata execute
    timestamp biburl bibsource numpages articleno issue_date acmid adsurl adsnote pmid pmcid copyright lccn
    mendeley-tags mendeley-groups unique-id researcherid orcid-numbers owner creationdate modificationdate
    abbr selected pdf html code slides poster video blog website supp award award_name preview bibtex_show
    additional_info google_scholar_id altmetric dimensions inspirehep_id summary topics arxiv
"""
#: The field names the did-you-mean check compares with.
KNOWN_FIELDS: frozenset[str] = frozenset(_FIELD_LIST.split())

#: Fields that hold a yes/no flag (al-folio's).
BOOLEAN_FIELDS: frozenset[str] = frozenset({"selected", "bibtex_show"})
TRUE_WORDS: frozenset[str] = frozenset({"true", "yes", "1", "y", "on"})
FALSE_WORDS: frozenset[str] = frozenset({"false", "no", "0", "n", "off"})
#: Bare words BibTeX would read as (undefined) ``@string`` macros, accepted in a boolean field as the word itself.
BARE_BOOLEANS: frozenset[str] = frozenset({"true", "false"})


def near_miss(name: str, known: Iterable[str] = KNOWN_FIELDS) -> str | None:
    """The known field ``name`` is a slip of, or ``None``.

    The candidate is the closest known name (:func:`labbook.diagnostics.closest`); it counts as a slip only
    when one typing error apart: two neighbouring letters swapped (``jounral``, ``yaer``), or, for names of six
    letters or more, one letter missing, added or wrong (``jornal``, ``publsher``). Shorter names differ by one
    letter too often on purpose (``data`` is not ``date``, ``cdate`` not ``date``).
    """
    if name in known:
        return None
    candidate = closest(name, known)
    if candidate is None:
        return None
    if _swapped(name, candidate) and len(name) >= 4:
        return candidate
    if min(len(name), len(candidate)) >= 6 and _one_edit(name, candidate):
        return candidate
    return None


def _swapped(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def read_boolean(value: str) -> bool | None:
    """``True`` or ``False`` for a flag's value (``true``, ``yes``, ``1`` ...; any case), ``None`` for anything
    else (``ture``)."""
    word = value.strip().strip("{}").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS or not word:  # an empty flag is an unset one
        return False
    return None


def check_field_names(key: str, fields: dict[str, int], inherited: set[str], path: str, report: Report) -> None:
    """Warn about each field of entry ``key`` (name -> line) whose name is a near-miss of a known field."""
    for name, line in fields.items():
        if name in inherited:
            continue
        meant = near_miss(name)
        if meant is not None:
            report.warning(path, line, "bib-unknown-field",
                           f"entry '{key}': '{name}' is not a BibTeX field labbook knows, so its value is not used",
                           hint=f"{did_you_mean(name, [meant])} Rename the field")


def check_boolean(key: str, name: str, value: str, line: int, path: str, report: Report) -> bool:
    """The flag ``name`` of entry ``key`` as a bool; a value that is not a boolean is reported and read as false."""
    flag = read_boolean(value)
    if flag is not None:
        return flag
    hint = did_you_mean(value.strip().lower(), ["true", "false"]) or f"write {name} = {{true}} or {name} = {{false}}"
    report.warning(path, line, "bib-bad-boolean",
                   f"entry '{key}': {name} = '{value[:40]}' is neither true nor false; it is taken as false",
                   hint=hint)
    return False
