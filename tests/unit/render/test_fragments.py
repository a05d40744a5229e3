"""Tests of labbook.render.fragments: what is kept between builds, and what a publication's key covers."""

from __future__ import annotations

import copy

from labbook.diagnostics import Report
from labbook.load.bibtex import RawField, parse_bibtex
from labbook.load.entries import build_publication
from labbook.render.fragments import FragmentCache, publication_fingerprint


def test_a_one_off_build_keeps_nothing() -> None:
    """Without keep, every request makes the fragment (nothing is held in memory)."""
    cache = FragmentCache()
    cache.begin("e")
    calls = []
    for _ in range(2):
        cache.get("k", lambda: calls.append(1) or "v")
    assert len(calls) == 2


def test_fragments_last_one_build_and_one_epoch() -> None:
    """A fragment is reused by the next build of the same epoch, forgotten when a build does not ask for
    it, and forgotten altogether when the epoch changes."""
    cache = FragmentCache(keep=True)
    made: list[str] = []

    def make(name: str) -> str:
        made.append(name)
        return name

    cache.begin("e1")
    cache.get("a", lambda: make("a"))
    cache.get("b", lambda: make("b"))
    cache.begin("e1")
    cache.get("a", lambda: make("a"))  # reused; b is not asked for
    cache.begin("e1")
    cache.get("b", lambda: make("b"))  # made again: the last build did not use it
    cache.get("a", lambda: make("a"))
    cache.begin("e2")
    cache.get("a", lambda: make("a"))  # new epoch
    assert made == ["a", "b", "b", "a"]


def _pub(text: str = "@article{k, title = {T}, author = {Lee, Kangwook}, journal = {J}, year = {2024}}"):  # type: ignore[no-untyped-def]
    report = Report()
    return build_publication(parse_bibtex(text, "x.bib", report)[0], 0, report)


def test_fingerprint_covers_content_links_and_slug_but_not_lines() -> None:
    """A field, the slug or an author's link to a person changes the key; moving the entry does not."""
    pub = _pub()
    key = publication_fingerprint(pub)
    moved = copy.deepcopy(pub)
    moved.raw.line += 5
    moved.raw.fields = {n: RawField(f.value, f.line + 5) for n, f in moved.raw.fields.items()}
    assert publication_fingerprint(moved) == key
    retitled = _pub("@article{k, title = {U}, author = {Lee, Kangwook}, journal = {J}, year = {2024}}")
    assert publication_fingerprint(retitled) != key
    linked = copy.deepcopy(pub)
    linked.authors[0].person_id = "kangwook-lee"
    assert publication_fingerprint(linked) != key
    alumnus = copy.deepcopy(linked)
    alumnus.authors[0].is_member = True
    assert publication_fingerprint(alumnus) != publication_fingerprint(linked)
    renamed = copy.deepcopy(pub)
    renamed.slug = "k-2"
    assert publication_fingerprint(renamed) != key
