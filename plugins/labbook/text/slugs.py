"""How identifiers (keys, ids, course codes) become safe URL path segments and file names."""

from __future__ import annotations

import re
import unicodedata

from labbook.text.path_names import WINDOWS_DEVICES


def slugify(text: str, *, fallback: str = "item") -> str:
    """A lower-case ASCII slug (letters, digits, ``-``, ``_``) safe as one URL path segment and file name.

    The result never contains ``/``, ``\\`` or ``..``, is at most 80 characters, and is never a name Windows
    reserves (``con``, ``nul``, ``com1`` ... get ``-<fallback>`` added); text with no ASCII letter or digit at all
    (``..``, ``学习``) becomes ``fallback``.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:80].strip("-")
    if slug in WINDOWS_DEVICES:
        slug = f"{slug}-{fallback}"
    return slug or fallback
