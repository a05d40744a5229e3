"""al-folio's display fields read as al-folio reads them: ``award`` and ``additional_info`` are Markdown,
``award_name`` is the badge's label, ``preview`` names an image in ``assets/img/publication_preview/``, and a
bare file name in ``pdf``, ``supp``, ``poster`` or ``slides`` is a file in ``assets/pdf/``."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from labbook.text.latex import latex_to_html
from labbook.text.safe_urls import check_url

#: Link fields whose bare file names al-folio looks up in ``assets/pdf/``.
PDF_FIELDS = frozenset({"pdf", "supp", "poster", "slides"})
PREVIEW_DIR = "assets/img/publication_preview/"
PDF_DIR = "assets/pdf/"

_MATH = re.compile(r'(<span class="arithmatex">.*?</span>|<math\b.*?</math>)', re.S)
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")


def is_bare_name(value: str) -> bool:
    """A file name with no folder, scheme or anchor (``paper.pdf``), as al-folio writes local files."""
    return bool(value) and "/" not in value and ":" not in value and not value.startswith(("#", "?"))


def file_link(field: str, value: str) -> str:
    """The site-relative address of a link field: bare names of al-folio's file fields go to ``assets/pdf/``."""
    return PDF_DIR + value if field in PDF_FIELDS and is_bare_name(value) else value


def preview_url(value: str) -> str | None:
    """The address of a ``preview`` image (``None`` when it is not a safe URL)."""
    value = value.strip()
    if not value:
        return None
    return check_url(PREVIEW_DIR + value if is_bare_name(value) else value)


def inline_markdown(text: str) -> Markup:
    """A short Markdown text (``**bold**``, ``*italic*``, `` `code` ``, ``[text](url)``) with its TeX, as HTML.

    The TeX is converted (and everything escaped) first; math spans are left untouched.
    """
    parts = _MATH.split(latex_to_html(text))
    for i in range(0, len(parts), 2):
        part = re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"<strong>\1</strong>", parts[i])
        part = re.sub(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])", r"<em>\1</em>", part)
        part = re.sub(r"`([^`]+)`", r"<code>\1</code>", part)
        parts[i] = _LINK.sub(_link, part)
    return Markup("".join(parts))


def _link(match: re.Match[str]) -> str:
    url = check_url(html.unescape(match[2]))
    return f'<a href="{html.escape(url, quote=True)}">{match[1]}</a>' if url else match[0]
