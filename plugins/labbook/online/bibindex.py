"""What the lab already has: its bibliography indexed by key, DOI, arXiv id and normalised title + year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from labbook.diagnostics import Report
from labbook.load.bibtex import RawEntry, merge_and_resolve, new_macro_table, read_bib_file
from labbook.online.ids import BadId, normalize_doi, parse_id
from labbook.text.latex import strip_tex_for_sort

_ARXIV_IN_TEXT = re.compile(r"arxiv[:\s/]*(?:abs/)?(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})", re.IGNORECASE)
_PREPRINT_TYPES = frozenset({"misc", "unpublished", "online", "preprint", "techreport"})


@dataclass(frozen=True, slots=True)
class Paper:
    """What two records are compared by: DOI, arXiv id, normalised title, year, and whether it is published."""

    doi: str = ""
    arxiv: str = ""
    title: str = ""
    year: int | None = None
    published: bool = True


@dataclass(frozen=True, slots=True)
class Match:
    """An existing entry a new paper is (``duplicate``) or that it could replace (``upgrade``)."""

    kind: str
    key: str
    why: str
    entry: RawEntry | None = None


def normal_title(title: str) -> str:
    """A title as compared: TeX, accents, case, punctuation and spacing removed."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", strip_tex_for_sort(title)).split())


@dataclass
class Bibliography:
    """The entries of the lab's .bib files, with indexes for the duplicate checks of ``add`` and ``sync``."""

    entries: list[RawEntry] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    keys: set[str] = field(default_factory=set)
    _by_doi: dict[str, RawEntry] = field(default_factory=dict)
    _by_arxiv: dict[str, RawEntry] = field(default_factory=dict)
    _by_title: dict[str, list[RawEntry]] = field(default_factory=dict)

    @classmethod
    def read(cls, paths: list[tuple[Path, str]]) -> Bibliography:
        """Read the files (path, path as shown) in order, as a build does; a missing file is simply empty."""
        report = Report()
        macros = new_macro_table()
        groups = [read_bib_file(path, shown, report, macros) for path, shown in paths if path.exists()]
        bib = cls(report=report)
        for entry in merge_and_resolve(groups, report):
            bib.add(entry)
        return bib

    def add(self, entry: RawEntry) -> None:
        """Index one entry (also used for the entries a batch adds, so a batch cannot add a paper twice)."""
        self.entries.append(entry)
        self.keys.add(entry.key)
        paper = paper_of(entry)
        if paper.doi:
            self._by_doi.setdefault(paper.doi, entry)
        if paper.arxiv:
            self._by_arxiv.setdefault(paper.arxiv, entry)
        if paper.title:
            self._by_title.setdefault(paper.title, []).append(entry)

    def find(self, paper: Paper) -> Match | None:
        """The entry ``paper`` duplicates (same DOI, same arXiv id in any version, same title and year), or
        the preprint entry it is the published version of (an ``upgrade``), or ``None``."""
        if paper.doi and paper.doi in self._by_doi:
            return self._judge(paper, self._by_doi[paper.doi], f"DOI {paper.doi}")
        if paper.arxiv and paper.arxiv in self._by_arxiv:
            return self._judge(paper, self._by_arxiv[paper.arxiv], f"arXiv:{paper.arxiv}")
        for entry in self._by_title.get(paper.title, []) if paper.title else []:
            theirs = paper_of(entry)
            if theirs.year == paper.year:
                return self._judge(paper, entry, "the same title and year")
            if paper.published and not theirs.published:  # the preprint came out a year or two earlier
                return Match("upgrade", entry.key, "the same title", entry)
        return None

    @staticmethod
    def _judge(paper: Paper, entry: RawEntry, why: str) -> Match:
        if paper.published and not paper_of(entry).published:
            return Match("upgrade", entry.key, why, entry)
        return Match("duplicate", entry.key, why, entry)


def paper_of(entry: RawEntry) -> Paper:
    """The identifiers of an existing entry: its DOI, its arXiv id (from any of the fields labs use)."""
    doi = normalize_doi(entry.get("doi"))
    arxiv = ""
    if doi.startswith("10.48550/"):
        arxiv, doi = _arxiv_of(doi), ""
    prefix = entry.get("archiveprefix").lower()
    candidates = [entry.get("arxiv"), entry.get("url")] + ([entry.get("eprint")] if prefix in ("", "arxiv") else [])
    for value in candidates:
        arxiv = arxiv or _arxiv_of(value)
    for name in ("journal", "howpublished", "note", "booktitle"):
        if arxiv:
            break
        found = _ARXIV_IN_TEXT.search(entry.get(name))
        arxiv = _arxiv_of(found.group(1)) if found else ""
    venue = " ".join(entry.get(f) for f in ("journal", "booktitle")).lower()
    published = bool(doi) or (entry.type not in _PREPRINT_TYPES and bool(venue) and "arxiv" not in venue)
    year_text = re.match(r"\s*(\d{4})", entry.get("year"))
    return Paper(doi=doi, arxiv=arxiv, title=normal_title(entry.get("title")),
                 year=int(year_text.group(1)) if year_text else None, published=published)


def _arxiv_of(value: str) -> str:
    if not value.strip():
        return ""
    try:
        found = parse_id(value)
    except BadId:
        return ""
    return found.value if found.kind == "arxiv" else ""
