"""Loading again after a small edit: re-read only what changed.

`mkdocs serve` reloads the lab after every save. Parsing a 5,000-entry .bib file and building its
publications takes seconds, yet an edit usually touches one entry. :class:`LoadMemo` keeps, between loads,

- each *chunk* of a .bib file (the text from one line that starts with ``@`` to the next), parsed, keyed by
  its text and by the ``@string`` macros defined before it;
- each built :class:`~labbook.model.publication.Publication`, keyed by its entry's content (line numbers
  relative to the entry, so entries below an edit that added a line are still found);
- each YAML collection, keyed by the file's bytes.

Everything a hit returns equals what a fresh load would give: entries are moved to their current lines,
an entry with diagnostics is built again when it moved (messages may name lines), and a reused record is
reset to how it was built before the catalog links it again. A chunk that reports any problem on its own
(an unclosed entry runs into the next one, text between entries, a %-comment inside an entry) makes the
whole file be parsed the ordinary way, so every problem is reported exactly as without the memo. What a
load does not use is forgotten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, TypeVar

from labbook.diagnostics import Diagnostic, Report
from labbook.load.bibtex import decode_bib_bytes, parse_bibtex, read_bib_file
from labbook.load.collections import load_collection
from labbook.load.entries import build_publication
from labbook.model.bib_entry import RawEntry, RawField
from labbook.model.common import Record
from labbook.model.publication import Publication
from labbook.text.markdown_text import MarkdownText

R = TypeVar("R", bound=Record)

_CHUNK_START = re.compile(r"^[ \t]*@", re.MULTILINE)


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _shift_entry(entry: RawEntry, delta: int, digest: str) -> RawEntry:
    fields = {name: RawField(f.value, f.line + delta) for name, f in entry.fields.items()}
    return RawEntry(key=entry.key, type=entry.type, fields=fields, path=entry.path, line=entry.line + delta,
                    inherited=set(entry.inherited), source_digest=digest)


@dataclasses.dataclass(slots=True)
class _Chunk:
    entries: list[RawEntry]  # as parsed, at the chunk's line then
    line: int  # the line the chunk started on when it was parsed
    count: int  # entries found, as parse_bibtex counts them in Report.read
    macros_after: dict[str, str] | None  # the macro table after this chunk, when the chunk defined macros
    digest: str  # of the chunk's text, its file and the macros it starts with
    placed: list[RawEntry] | None = None  # the entries handed out by the last load ...
    placed_line: int = 0  # ... for the chunk starting on this line

    def entries_at(self, line: int) -> list[RawEntry]:
        """The entries of the chunk starting on ``line`` (the last load's objects, when nothing can differ)."""
        # crossref resolution adds fields to the entries it is given, so those are always made anew.
        reusable = all("crossref" not in e.fields and not e.inherited for e in self.placed or ())
        if self.placed is None or line != self.placed_line or not reusable:
            delta = line - self.line
            self.placed = [_shift_entry(e, delta, f"{self.digest}:{i}") for i, e in enumerate(self.entries)]
            self.placed_line = line
        return self.placed


@dataclasses.dataclass(slots=True)
class _Collection:
    records: list[Any]
    diagnostics: list[Diagnostic]
    read: dict[str, int]
    skipped: set[str]
    rejected: list[Any]


@dataclasses.dataclass(slots=True)
class _Built:
    publication: Publication
    line: int
    diagnostics: list[Diagnostic]
    slug: str  # as built, before the catalog made it unique


def entry_content(raw: RawEntry) -> tuple[Any, ...]:
    """What a publication is made from, without where the entry sits in its file."""
    if raw.source_digest and not raw.inherited:
        return (raw.source_digest,)  # the same text, so the same fields at the same relative lines
    fields = tuple((name, f.value, f.line - raw.line) for name, f in raw.fields.items())
    return (raw.path, raw.type, raw.key, fields, tuple(sorted(raw.inherited)))


class LoadMemo:
    """Parsed chunks, built publications and YAML collections from the last load, reused by the next."""

    def __init__(self) -> None:
        self._chunks: dict[tuple[str, str, str], _Chunk] = {}
        self._chunks_next: dict[tuple[str, str, str], _Chunk] = {}
        self._built: dict[tuple[Any, ...], _Built] = {}
        self._built_next: dict[tuple[Any, ...], _Built] = {}
        self._collections: dict[tuple[str, ...], _Collection] = {}
        self._collections_next: dict[tuple[str, ...], _Collection] = {}
        self._markdown: MarkdownText | None = None

    def markdown(self, remote_media: tuple[str, ...]) -> MarkdownText:
        """The renderer of Markdown fields, keeping what it rendered for the next load (a new one when the
        hosts remote images may come from changed)."""
        found = self._markdown
        if found is None or found.remote_media != tuple(remote_media):
            found = self._markdown = MarkdownText(tuple(remote_media), keep=True)
        found.begin()
        return found

    def begin(self) -> None:
        """Start a load: what the previous load used stays available, anything older is forgotten."""
        self._handed_out: set[int] = set()
        self._chunks, self._chunks_next = self._chunks_next, {}
        self._built, self._built_next = self._built_next, {}
        self._collections, self._collections_next = self._collections_next, {}

    # -- BibTeX --------------------------------------------------------------------------------------------

    def read_bib(self, path: Path, display: str, report: Report, macros: MutableMapping[str, str]) -> list[RawEntry]:
        """Like :func:`labbook.load.bibtex.read_bib_file`, reusing the chunks that did not change."""
        try:
            data = path.read_bytes()
        except OSError:
            return read_bib_file(path, display, report, macros)  # reports the problem
        local = Report()
        text = decode_bib_bytes(data, display, local)
        report.extend(local)
        snapshot = dict(macros)
        entries = self._parse_chunks(text, display, report, macros)
        if entries is None:  # a chunk did not parse on its own: read the file as a whole
            macros.clear()
            macros.update(snapshot)
            return parse_bibtex(text, display, report, macros)
        return entries

    def _parse_chunks(self, text: str, path: str, report: Report,
                      macros: MutableMapping[str, str]) -> list[RawEntry] | None:
        starts = [m.start() for m in _CHUNK_START.finditer(text)]
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        state = _digest(sorted(macros.items()))
        entries: list[RawEntry] = []
        counted = 0
        line = 1
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            chunk_text = text[start:end]
            key = (path, state, chunk_text)
            chunk = self._chunks_next.get(key) or self._chunks.get(key)
            if chunk is None:
                chunk = self._parse_one(chunk_text, path, macros, _digest(key), line)
                if chunk is None:
                    return None
            elif chunk.macros_after is not None:
                macros.clear()
                macros.update(chunk.macros_after)
            self._chunks_next[key] = chunk
            if chunk.macros_after is not None:
                state = _digest(sorted(macros.items()))
            entries += chunk.entries_at(line)
            counted += chunk.count
            line += chunk_text.count("\n")
        report.count_read(path, counted)
        return entries

    @staticmethod
    def _parse_one(text: str, path: str, macros: MutableMapping[str, str], digest: str,
                   line: int) -> _Chunk | None:
        before = dict(macros)
        local = Report()
        entries = parse_bibtex(text, path, local, macros, first_line=line)
        if local.items:
            return None  # problems are reported from the whole file, exactly as without the memo
        after = dict(macros)
        return _Chunk(entries=entries, line=line, count=local.read.get(path, 0),
                      macros_after=after if after != before else None, digest=digest)

    # -- publications --------------------------------------------------------------------------------------

    def publication(self, raw: RawEntry, order: int, report: Report) -> Publication:
        """Like :func:`labbook.load.entries.build_publication`, reusing the result for an unchanged entry.

        A reused record is the same object as last time, put back as built: the catalog's links (the slug
        made unique, authors' person ids) are undone, and the catalog makes them again.
        """
        key = entry_content(raw)
        built = self._built_next.get(key) or self._built.get(key)
        if built is None or (built.diagnostics and built.line != raw.line) or id(built) in self._handed_out:
            local = Report()
            pub = build_publication(raw, order, local)
            built = _Built(publication=pub, line=raw.line, diagnostics=list(local), slug=pub.slug)
            report.extend(local)
        else:
            report.extend(built.diagnostics)
            pub = built.publication
            pub.raw, pub.order, pub.slug = raw, order, built.slug
            for author in (*pub.authors, *pub.editors):
                author.person_id, author.is_member = None, False
        self._built_next[key] = built
        self._handed_out.add(id(built))
        return pub

    # -- YAML collections ----------------------------------------------------------------------------------

    def collection(self, path: Path, display: str, model: type[R], report: Report,
                   skipped: set[str] | None = None, id_field: str = "id",
                   rejected: list[Record] | None = None) -> list[R]:
        """Like :func:`labbook.load.collections.load_collection`, reusing the records of an unchanged file."""
        try:
            content = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest() if path.is_file() else "-"
        except OSError:
            return load_collection(path, display, model, report, skipped, id_field, rejected)
        key = (str(path), display, f"{model.__module__}.{model.__qualname__}", id_field, content)
        found = self._collections_next.get(key) or self._collections.get(key)
        if found is None:
            local, local_skipped, local_rejected = Report(), set(), []
            records = load_collection(path, display, model, local, local_skipped, id_field, local_rejected)
            found = _Collection(records, list(local), dict(local.read), local_skipped, local_rejected)
        self._collections_next[key] = found
        report.extend(found.diagnostics)
        for name, count in found.read.items():
            report.count_read(name, count)
        if skipped is not None:
            skipped.update(found.skipped)
        if rejected is not None:
            rejected.extend(found.rejected)
        return list(found.records)
