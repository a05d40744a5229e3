"""``labbook add``: resolve each id, refuse what the lab already has, and write the rest in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from labbook.diagnostics import Report
from labbook.load.bibtex import RawEntry, parse_bibtex
from labbook.online.bibfile import BibFileError, read_text, updated_text, write_atomically
from labbook.online.bibindex import Bibliography, Match, Paper, normal_title, paper_of
from labbook.online.bibtex_out import UnwritableEntry, checked_entry, entry_fields, format_entry, work_entry
from labbook.online.endpoints import Endpoints
from labbook.online.http import Client, FetchError
from labbook.online.ids import BadId, PaperId, parse_id
from labbook.online.keys import make_key
from labbook.online.people import AuthorMatch, PeopleIndex
from labbook.online.resolve import resolve
from labbook.online.work import Work

#: Fields of an existing preprint entry that an upgrade replaces rather than keeps (they describe the preprint).
_PREPRINT_FIELDS = frozenset({"howpublished", "journal", "booktitle", "publisher", "note", "year", "month", "url"})


#: BibTeX field names are read in lower case; these are written the way everybody writes them.
_FIELD_CASE = {"archiveprefix": "archivePrefix", "primaryclass": "primaryClass"}


@dataclass
class Outcome:
    """What happened to one id of the batch."""

    text: str
    """The id as the user typed it."""
    status: str
    """``added``, ``duplicate``, ``upgrade`` (offered), ``upgraded`` or ``failed``."""
    message: str = ""
    key: str = ""
    entry: str = ""
    work: Work | None = None
    matches: list[AuthorMatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether this id needs nothing more from the user."""
        return self.status in ("added", "upgraded")

    def as_json(self) -> dict[str, Any]:
        """What was found, for ``--format json``."""
        return {"id": self.text, "status": self.status, "message": self.message, "key": self.key,
                "entry": self.entry, "record": self.work.as_json() if self.work else None,
                "people": [{"author": m.author, "person": m.person_id, "by": m.by, "note": m.note}
                           for m in self.matches]}


@dataclass
class AddJob:
    """Everything one run of ``add`` (or ``sync --add``) needs."""

    bib_path: Path
    bibliography: Bibliography
    people: PeopleIndex
    client: Client
    endpoints: Endpoints
    key_pattern: str
    upgrade: bool = False
    new_entries: list[str] = field(default_factory=list)
    replacements: dict[str, str] = field(default_factory=dict)

    def add(self, text: str, paper: PaperId | None = None) -> Outcome:
        """Resolve one id and plan its entry (nothing is written until :meth:`write`)."""
        try:
            paper = paper or parse_id(text)
        except BadId as exc:
            return Outcome(text, "failed", str(exc))
        known, final = self._already(paper)
        if known is not None and final:  # the id itself is in the bibliography, in its final form: ask no one
            return Outcome(text, "duplicate", f"already in the bibliography as '{known.key}' ({known.why})", known.key)
        try:
            work = resolve(paper, self.client, self.endpoints)
        except FetchError as exc:
            if known is not None:  # a preprint we have; whether it has been published since could not be checked
                return Outcome(text, "duplicate", f"already in the bibliography as '{known.key}' ({known.why}); "
                               f"whether it has been published since could not be checked: {exc}", known.key)
            return Outcome(text, "failed", str(exc))
        work = self._published_version(work)
        matches = self.people.match(work.authors)
        found = self.bibliography.find(paper_of_work(work))
        if found is not None and found.entry is not None and found.kind == "upgrade" \
                and _nothing_new(work, found.entry):
            found = Match("duplicate", found.key, found.why, found.entry)
        if found is not None and found.kind == "duplicate":
            return Outcome(text, "duplicate", f"already in the bibliography as '{found.key}' ({found.why})",
                           found.key, work=work, matches=matches)
        if found is not None:
            return self._upgrade(text, work, found, matches)
        key = make_key(work, self.key_pattern, self.bibliography.keys)
        try:
            entry = work_entry(work, key)
        except UnwritableEntry as exc:
            return Outcome(text, "failed", f"the record cannot be written as BibTeX: {exc}", work=work)
        self._remember(entry)
        self.new_entries.append(entry)
        return Outcome(text, "added", "", key, entry, work, matches)

    def _already(self, paper: PaperId) -> tuple[Match | None, bool]:
        """The entry the id itself names, and whether it is final (a DOI, or a preprint already published)."""
        match = self.bibliography.find(Paper(doi=paper.value if paper.kind == "doi" else "",
                                             arxiv=paper.value if paper.kind == "arxiv" else "", published=False))
        if match is None or match.entry is None:
            return None, False
        return match, paper.kind == "doi" or paper_of(match.entry).published

    def _published_version(self, work: Work) -> Work:
        """For a preprint whose arXiv record names the journal DOI: that DOI's record, with the arXiv fields."""
        if work.source != "arxiv" or not work.doi or work.doi.startswith("10.48550/"):
            return work
        try:
            published = resolve(PaperId("doi", work.doi), self.client, self.endpoints)
        except FetchError:
            return work  # the arXiv record alone (its DOI and journal reference are in the entry) is still right
        published.arxiv, published.arxiv_version = work.arxiv, work.arxiv_version
        published.primary_class = work.primary_class
        published.abstract = published.abstract or work.abstract
        return published

    def _upgrade(self, text: str, work: Work, found: Match, matches: list[AuthorMatch]) -> Outcome:
        old = found.entry
        fields = entry_fields(work)
        names = {name.lower() for name, _ in fields}
        if old is not None:  # keep what the lab added by hand: keywords, selected, code, slides, the arXiv id...
            fields += [(_FIELD_CASE.get(name, name), raw.value) for name, raw in old.fields.items()
                       if name not in names and name not in _PREPRINT_FIELDS and name not in old.inherited]
        try:
            entry = checked_entry(format_entry(work.kind, found.key, fields), found.key)
        except UnwritableEntry as exc:
            return Outcome(text, "failed", f"the upgraded entry cannot be written: {exc}", work=work)
        if not self.upgrade:
            return Outcome(text, "upgrade", f"'{found.key}' is the preprint of this paper ({found.why}); run again "
                           "with --upgrade to replace it with the published version", found.key, entry, work, matches)
        self.replacements[found.key] = entry
        return Outcome(text, "upgraded", f"'{found.key}' now describes the published version", found.key, entry,
                       work, matches)

    def _remember(self, entry: str) -> None:
        for raw in parse_bibtex(entry, str(self.bib_path), Report()):
            self.bibliography.add(raw)  # a batch that names one paper twice adds it once

    def write(self) -> bool:
        """Write the planned entries and replacements to the file at once; ``False`` when there was nothing."""
        if not self.new_entries and not self.replacements:
            return False
        text = updated_text(read_text(self.bib_path), self.new_entries, self.replacements)
        # An unclosed entry earlier in the file would swallow what is appended: check that every new or
        # replaced entry reads back from the whole new text before anything is written.
        read_back = {raw.key for raw in parse_bibtex(text, str(self.bib_path), Report())}
        planned = [*self.replacements, *(raw.key for e in self.new_entries for raw in parse_bibtex(e, "", Report()))]
        lost = [key for key in planned if key not in read_back]
        if lost:
            raise BibFileError(f"{self.bib_path.name} has a BibTeX error that would swallow '{lost[0]}'; fix what "
                               "`labbook check` reports first")
        write_atomically(self.bib_path, text)
        return True


def _nothing_new(work: Work, entry: RawEntry) -> bool:
    """Whether an arXiv record's only news (its journal reference) is already in the entry (``note``): then
    there is nothing to upgrade to."""
    if work.source != "arxiv" or (work.doi and not work.doi.startswith("10.48550/")):
        return False
    return bool(work.journal_ref) and any(work.journal_ref in raw.value for raw in entry.fields.values())


def paper_of_work(work: Work) -> Paper:
    """What a fetched record is compared with the bibliography by."""
    doi = work.doi if not work.doi.startswith("10.48550/") else ""
    return Paper(doi=doi, arxiv=work.arxiv, title=normal_title(work.title), year=work.year,
                 published=work.is_published)
