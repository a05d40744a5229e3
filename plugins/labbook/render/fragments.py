"""Rendered HTML kept between `mkdocs serve` rebuilds, under keys that name everything it was made from.

A publication's card, its page and its ``<head>`` tags depend on the entry, on how its authors link to
people, on its URL, and on things every page shares: the options, the URL layout and the templates. The
shared part is the *epoch*: when it changes, every fragment is forgotten. The per-publication part is
:func:`publication_fingerprint`, which is part of each key. An edit of one entry therefore re-renders that
entry's fragments and nothing else.

Fragments a build does not ask for are dropped at the start of the next one, so the cache never holds more
than one site's worth. In a one-off `mkdocs build` nothing is kept (``keep=False``): each fragment is needed
once, and holding them would only cost memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from labbook.model.publication import Publication

T = TypeVar("T")


def digest(*parts: object) -> str:
    """A short hex digest of the ``repr`` of ``parts``."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def publication_fingerprint(pub: Publication) -> str:
    """A digest of everything a publication's views and fragments are made from, except the epoch."""
    raw = pub.raw
    # An entry parsed from the same text has the same fields: its digest stands for them (and is cheaper).
    source = raw.source_digest if raw.source_digest and not raw.inherited else (
        raw.path, raw.type, raw.key, tuple((name, f.value) for name, f in raw.fields.items()),
        tuple(sorted(raw.inherited)))
    content = (
        source, pub.slug, sorted(pub.extra.items()),
        tuple((a.person_id, a.is_member) for a in pub.authors),
        tuple((a.person_id, a.is_member) for a in pub.editors),
    )
    return digest(content)


class FragmentCache:
    """A memo of rendered fragments for the current epoch; see the module docstring."""

    def __init__(self, *, keep: bool = False) -> None:
        self.keep = keep
        self._epoch: Hashable = None
        self._previous: dict[Hashable, object] = {}
        self._current: dict[Hashable, object] = {}
        self.hits = 0
        self.misses = 0

    def begin(self, epoch: Hashable) -> None:
        """Start a build whose shared inputs are ``epoch``; fragments of another epoch are forgotten."""
        self._previous = self._current if epoch == self._epoch else {}
        self._current = {}
        self._epoch = epoch
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The fragment under ``key``, made by ``make()`` when this build or the last one did not make it."""
        if not self.keep:
            return make()
        if key in self._current:
            self.hits += 1
            return self._current[key]  # type: ignore[return-value]
        if key in self._previous:
            self.hits += 1
            value = self._previous.pop(key)
        else:
            self.misses += 1
            value = make()
        self._current[key] = value
        return value  # type: ignore[return-value]
