"""schema.org JSON-LD for a publication page, and a <script> element that no data can break out of."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from labbook.exports._common import arxiv_id, container_title, doi_url, field_text, plain
from labbook.model.publication import Publication

#: Google's structured-data guidelines cut an article ``headline`` at 110 characters.
HEADLINE_MAX = 110

# Inside <script>, "</script" or "<!--" in a JSON string would end or confuse the element; JSON lets any
# character be written as \uXXXX, so these are, and the JSON still parses to the same data.
_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def headline(title: str, limit: int = HEADLINE_MAX) -> str:
    """``title`` cut to at most ``limit`` characters, at a word boundary, with an ellipsis when cut."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def scholarly_article(
    pub: Publication,
    *,
    url: str | None = None,
    person_url: Callable[[str], str | None] | None = None,
) -> dict[str, Any]:
    """A schema.org ``ScholarlyArticle`` for ``pub``.

    ``url`` is the page's own absolute URL; ``person_url`` maps a person id from people.yml to the URL of
    that person's page, so that lab members are linked as the same person across papers.
    """
    title = field_text(pub, "title") or pub.title_text
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": headline(title),
        "name": title,
    }
    authors: list[dict[str, str]] = []
    for author in pub.authors:
        person = {"@type": "Person", "name": author.text}
        link = person_url(author.person_id) if person_url is not None and author.person_id else None
        if link:
            person["url"] = link
        authors.append(person)
    if authors:
        data["author"] = authors
    if pub.year is not None:
        data["datePublished"] = f"{pub.year:04d}-{pub.month:02d}" if pub.month else f"{pub.year:04d}"
    venue = container_title(pub)
    if venue:
        data["isPartOf"] = {"@type": "CreativeWork", "name": venue}
    publisher = field_text(pub, "publisher")
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    abstract = plain(pub.raw.get("abstract"))
    if abstract:
        data["abstract"] = abstract
    if pub.topics:
        data["keywords"] = ", ".join(pub.topics)
    same_as = [u for u in (doi_url(pub), _arxiv_url(pub)) if u]
    if same_as:
        data["sameAs"] = same_as
    if url:
        data["url"] = url
    return data


def json_ld_script(data: dict[str, Any]) -> Markup:
    """``<script type="application/ld+json">`` holding ``data``; ``<``, ``>`` and ``&`` are written as
    ``\\u003c``, ``\\u003e`` and ``\\u0026``, so no value can close the element or open a comment."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return Markup(f'<script type="application/ld+json">{payload}</script>')


def _arxiv_url(pub: Publication) -> str:
    found = arxiv_id(pub)
    return f"https://arxiv.org/abs/{found}" if found else ""
