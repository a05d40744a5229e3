"""Citation keys for new entries: a pattern such as ``{author}{year}{title}`` and a suffix on a clash."""

from __future__ import annotations

import re
import string
import unicodedata

from labbook.online.work import Work
from labbook.text.latex import latex_to_text

#: The default pattern, like the example lab's keys: ``kim2026transformers``.
DEFAULT_KEY_PATTERN = "{author}{year}{title}"
#: Placeholders a pattern may use.
PLACEHOLDERS = ("author", "year", "title", "Author", "Title")
#: Words that are never "the first significant word" of a title.
_STOP_WORDS = (
    "a an the on of in for to and or with via from by at as is are be do does can what when how why which who "
    "toward towards into onto about over under using use new its their our your this that these those not no "
    "der die das ein eine und le la les un une des du de"
)
_STOP = frozenset(_STOP_WORDS.split())
_FIELDS = re.compile(r"\{([A-Za-z]+)\}")


class BadKeyPattern(ValueError):
    """A key pattern with an unknown placeholder, or one that gives an empty key."""


def check_key_pattern(pattern: str) -> None:
    """Raise :class:`BadKeyPattern` if ``pattern`` uses a placeholder other than :data:`PLACEHOLDERS`."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise BadKeyPattern(f"key pattern '{pattern}': {exc}") from exc
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown:
        raise BadKeyPattern(f"key pattern '{pattern}': unknown placeholder {{{unknown[0]}}}; "
                            f"use {', '.join('{' + p + '}' for p in PLACEHOLDERS)}")
    if not names:
        raise BadKeyPattern(f"key pattern '{pattern}' has no placeholder, so every key would be the same")


def make_key(work: Work, pattern: str, taken: set[str]) -> str:
    """A key for ``work`` from ``pattern`` that is not in ``taken`` (compared case-insensitively).

    A clash gets a suffix ``a``, ``b``, ... ``z``, then ``2``, ``3``, ...; ``taken`` is not changed.
    """
    author = _ascii_word(work.authors[0].family if work.authors else "") or "anon"
    title = _first_word(work.title) or "untitled"
    values = {"author": author.lower(), "Author": author, "year": str(work.year or "nd"),
              "title": title.lower(), "Title": title}
    base = _FIELDS.sub(lambda m: values.get(m.group(1), ""), pattern)
    base = re.sub(r"[^A-Za-z0-9_\-:.]", "", base) or "entry"
    folded = {k.casefold() for k in taken}
    if base.casefold() not in folded:
        return base
    for suffix in [*string.ascii_lowercase, *map(str, range(2, 1000))]:
        if (base + suffix).casefold() not in folded:
            return base + suffix
    raise BadKeyPattern(f"no free key for '{base}'")  # a thousand clashes: the pattern is far too coarse


def _ascii_word(text: str) -> str:
    """Letters only, accents removed: "Schölkopf" -> "Scholkopf", "de With" -> "deWith"."""
    plain = latex_to_text(text)
    decomposed = unicodedata.normalize("NFKD", plain)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


def _first_word(title: str) -> str:
    plain = latex_to_text(title)
    plain = re.sub(r"\$[^$]*\$", " ", plain)  # math is not a word
    for word in re.split(r"[^\w]+", plain):
        ascii_word = _ascii_word(word)
        if ascii_word and ascii_word.lower() not in _STOP and not ascii_word.isdigit():
            return ascii_word
    return ""
