"""How much text a small data file may expand into.

BibTeX's ``@string`` macros concatenate (``b = a # a``), so ten lines can define a value of gigabytes; YAML's
aliases (``*a``) repeat a value wherever they stand. The loaders count what they build against these limits
and stop with a diagnostic (``bib-too-large``, ``yaml-too-large``) instead of filling memory and the site.
"""

from __future__ import annotations

#: The longest field value (after ``@string`` expansion) or ``@string`` definition: far above any real
#: abstract (a few thousand characters) or author list.
MAX_FIELD_CHARS = 100_000
#: Every file may expand to this many characters whatever its size, and larger files to this many times
#: their own size: real files expand little (month macros, journal abbreviations), bombs by millions.
MIN_FILE_BUDGET = 5_000_000
EXPANSION_FACTOR = 20


class TooLarge(Exception):
    """A field or a whole file expands past its limit."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(what)
        self.what = what
        self.limit = limit


class Budget:
    """The characters a file may still expand into (see :data:`EXPANSION_FACTOR`)."""

    def __init__(self, source_chars: int) -> None:
        self.limit = max(MIN_FILE_BUDGET, EXPANSION_FACTOR * source_chars)
        self.spent = 0

    def spend(self, chars: int) -> None:
        """Count ``chars`` more characters; raises :class:`TooLarge` when the file's limit is passed."""
        self.spent += chars
        if self.spent > self.limit:
            raise TooLarge("file", self.limit)
