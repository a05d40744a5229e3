"""schema.org JSON-LD for publication and talk pages, and a <script> element that no data can break out of."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from markupsafe import Markup

from labbook.exports._common import arxiv_id, container_title, doi_url, field_text, plain
from labbook.model.publication import Publication
from labbook.model.talk import Talk

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


def talk_event(
    talk: Talk,
    *,
    url: str | None = None,
    speaker_name: str | None = None,
    speaker_url: str | None = None,
    description: str = "",
    tz: tzinfo | None = None,
) -> dict[str, Any]:
    """A schema.org ``Event`` for a talk: name, start date at the precision written, place, performer.

    A time written without a UTC offset gets the offset of ``tz`` (the site's time zone), when given.

    A location of "Online" (or a talk without a location but with an event link) becomes a
    ``VirtualLocation``; otherwise the location and host make a ``Place``.
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": talk.title,
        "startDate": talk.date.iso_in(tz) if tz is not None else talk.date.iso,
    }
    online = (talk.location or "").strip().casefold() in {"online", "virtual", "zoom", "remote"}
    if online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if talk.links.event:
            virtual["url"] = talk.links.event
        data["location"] = virtual
    elif talk.location or talk.host:
        place: dict[str, Any] = {"@type": "Place", "name": talk.host or talk.location}
        if talk.location:
            place["address"] = talk.location
        data["location"] = place
    if talk.event:
        data["superEvent"] = {"@type": "Event", "name": talk.event}
    if talk.host:
        data["organizer"] = {"@type": "Organization", "name": talk.host}
    if speaker_name:
        performer = {"@type": "Person", "name": speaker_name}
        if speaker_url:
            performer["url"] = speaker_url
        data["performer"] = performer
    if description:
        data["description"] = description
    if talk.topics:
        data["keywords"] = ", ".join(talk.topics)
    if url:
        data["url"] = url
    return data
