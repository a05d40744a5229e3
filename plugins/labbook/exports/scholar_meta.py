"""Google Scholar's Highwire Press ``citation_*`` meta tags for a publication's own page.

Scholar's inclusion guidelines ask for one ``citation_author`` tag per author, written "Last, First", a
``citation_publication_date`` as "YYYY/MM/DD", "YYYY/MM" or "YYYY", and a ``citation_pdf_url`` that points
at the full text; relative URLs are useless to a crawler that reads the tag out of context.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from labbook.exports._common import (
    absolute_url,
    arxiv_id,
    bare_doi,
    field_text,
    inverted_name,
    page_range,
)
from labbook.model.publication import Publication

_THESES = frozenset({"phdthesis", "mastersthesis", "thesis"})
_REPORTS = frozenset({"techreport", "report"})
_CONFERENCES = frozenset({"inproceedings", "conference"})


def publication_date(pub: Publication) -> str:
    """ "YYYY/MM" or "YYYY", the forms Scholar reads; "" without a year."""
    if pub.year is None:
        return ""
    return f"{pub.year:04d}/{pub.month:02d}" if pub.month else f"{pub.year:04d}"


def citation_meta(
    pub: Publication, *, page_url: str | None = None, pdf_url: str | None = None
) -> list[tuple[str, str]]:
    """The (name, content) pairs for ``pub``, plain text, in the order Scholar's examples use.

    ``pdf_url`` must already be absolute (the caller knows the site URL); without it the entry's own
    ``pdf`` link is used when that is absolute. A tag whose value is unknown is left out.
    Math stays as ``$...$`` TeX, as latex_to_text keeps it and as arXiv writes it in its own tags.
    """
    pairs: list[tuple[str, str]] = [("citation_title", field_text(pub, "title"))]
    pairs += [("citation_author", inverted_name(a)) for a in pub.authors if a.text]
    pairs.append(("citation_publication_date", publication_date(pub)))
    if pub.entry_type == "article":
        pairs.append(("citation_journal_title", field_text(pub, "journal")))
    elif pub.entry_type in _CONFERENCES:
        pairs.append(("citation_conference_title", field_text(pub, "booktitle")))
    elif pub.entry_type in {"incollection", "inbook"}:
        pairs.append(("citation_inbook_title", field_text(pub, "booktitle")))
    pairs.append(("citation_volume", field_text(pub, "volume")))
    if pub.entry_type not in _REPORTS:
        pairs.append(("citation_issue", field_text(pub, "number") or field_text(pub, "issue")))
    first, last = page_range(pub)
    pairs += [("citation_firstpage", first), ("citation_lastpage", last)]
    pairs.append(("citation_publisher", field_text(pub, "publisher")))
    if pub.entry_type in _THESES:
        pairs.append(("citation_dissertation_institution", field_text(pub, "school") or field_text(pub, "institution")))
    elif pub.entry_type in _REPORTS:
        pairs.append(("citation_technical_report_institution", field_text(pub, "institution")))
        pairs.append(("citation_technical_report_number", field_text(pub, "number")))
    pairs.append(("citation_isbn", field_text(pub, "isbn")))
    pairs.append(("citation_issn", field_text(pub, "issn")))
    pairs.append(("citation_pdf_url", absolute_url(pdf_url) or absolute_url(pub.link("pdf"))))
    pairs.append(("citation_doi", bare_doi(pub)))
    pairs.append(("citation_arxiv_id", arxiv_id(pub)))
    pairs.append(("citation_abstract_html_url", page_url or ""))
    pairs.append(("citation_keywords", "; ".join(pub.topics)))
    return [(name, value.strip()) for name, value in pairs if value and value.strip()]


def render_meta(pairs: Iterable[tuple[str, str]]) -> Markup:
    """``<meta name=".." content="..">`` lines; every name and value is HTML-escaped exactly once.

    Names and values are taken as plain text, even when they arrive as Markup. The result is
    :class:`~markupsafe.Markup`, so a Jinja template prints it as it is instead of escaping it again.
    """
    # escape(str(...)) is what Markup.format does to each argument, without its per-call formatter.
    return Markup("\n".join(f'<meta name="{escape(str(name))}" content="{escape(str(value))}">'
                             for name, value in pairs))
