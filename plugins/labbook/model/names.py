"""How a person's name is compared: the same rule for BibTeX authors and for people.yml."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def normalize_name(name: str) -> str:
    """A key for comparing full names: accents, case, punctuation and spacing do not matter.

    ``"Schölkopf, B."`` and ``"Scholkopf B"`` give the same key; initials are kept as they are, so "K. Lee"
    only ever matches a person who lists "K. Lee" as an alias, never "Kangwook Lee".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).replace("_", " ").split())
