"""Atom feeds (RFC 4287): the lab's newest publications (and news), newest first.

Written with feedgen, a maintained Atom/RSS writer on lxml, so escaping, date formats and the required elements
(``id``, ``title``, ``updated`` on the feed and on every entry, an author) are its job rather than ours.
Atom ids must never change once published, so they are built from the site's URL and the record's key.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from markupsafe import Markup

from labbook.exports._common import plain
from labbook.model.publication import Publication
from labbook.text.control_chars import strip_forbidden

#: The feed's ``generator`` element.
GENERATOR = "labbook"

_LINK_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


@dataclass
class FeedEntry:
    """One Atom entry, in plain values. ``content_html`` is HTML that the feed carries escaped, as Atom asks."""

    id: str
    title: str
    updated: datetime
    link: str | None = None
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    content_html: str = ""
    categories: list[str] = field(default_factory=list)


@dataclass
class FeedInfo:
    """The feed itself: its absolute URL (also its id), title, and the page it mirrors."""

    url: str
    title: str
    home_url: str
    author: str
    subtitle: str = ""


def atom_feed(info: FeedInfo, entries: Iterable[FeedEntry], *, fallback_updated: datetime) -> bytes:
    """The Atom document for ``entries`` (kept in the order given, which should be newest first).

    The feed's ``updated`` is the newest entry's, or ``fallback_updated`` for an empty feed, so that an
    unchanged lab gives a byte-identical feed on every build.
    """
    entries = list(entries)
    fg = FeedGenerator()
    fg.id(info.url)
    # Loaders remove characters XML forbids (reporting them); this keeps any other source from a traceback.
    fg.title(strip_forbidden(info.title))
    if info.subtitle:
        fg.subtitle(strip_forbidden(info.subtitle))
    fg.author({"name": strip_forbidden(info.author).strip() or GENERATOR})
    fg.link(href=info.home_url, rel="alternate", type="text/html")
    fg.link(href=info.url, rel="self", type="application/atom+xml")
    fg.generator(GENERATOR)
    fg.updated(max((e.updated for e in entries), default=fallback_updated))
    # feedgen prepends each new entry; adding them oldest first keeps the given order in the document.
    for item in reversed(entries):
        fe = fg.add_entry()
        fe.id(item.id)
        # Atom requires a title with text; a title of only spaces (BibTeX "~") would be refused.
        fe.title(strip_forbidden(item.title).strip() or item.id)
        fe.updated(item.updated)
        fe.published(item.updated)
        if item.link:
            fe.link(href=item.link, rel="alternate", type="text/html")
        for name in map(strip_forbidden, item.authors):
            if name.strip():
                fe.author({"name": name.strip()})
        if item.summary:
            fe.summary(strip_forbidden(item.summary))
        if item.content_html:
            fe.content(strip_forbidden(item.content_html), type="html")
        for term in item.categories:
            fe.category(term=strip_forbidden(term))
    return fg.atom_str(pretty=True)


def publication_date(pub: Publication, fallback: date) -> datetime:
    """When a publication appeared, as a UTC datetime: the first of its month (January without a month);
    ``fallback`` (the build date) for an entry without a year ("Forthcoming")."""
    if pub.year is None:
        return datetime(fallback.year, fallback.month, fallback.day, tzinfo=UTC)
    return datetime(pub.year, pub.month or 1, 1, tzinfo=UTC)


def publication_entries(pubs: Iterable[Publication], *, page_url: Callable[[Publication], str],
                        today: date) -> list[FeedEntry]:
    """Atom entries for ``pubs``; ``page_url`` gives each one's absolute URL, which is also its id."""
    out = []
    for pub in pubs:
        url = page_url(pub)
        authors = [a.text for a in pub.authors] or [a.text for a in pub.editors]
        citation = ", ".join(authors[:10]) + (" et al." if len(authors) > 10 or pub.et_al else "")
        where = f"{pub.venue_text}, {pub.year_label}" if pub.venue_text else pub.year_label
        summary = f"{citation}. {where}." if citation else f"{where}."
        abstract = plain(pub.raw.get("abstract"))
        content = Markup("<p>{}</p>").format(summary)
        if abstract:
            content += Markup("<p>{}</p>").format(abstract)
        links = [Markup('<a href="{}">{}</a>').format(lk.url, lk.label) for lk in pub.links
                 if lk.url.startswith(("http://", "https://"))]
        if links:
            content += Markup("<p>") + Markup(" · ").join(links) + Markup("</p>")
        out.append(FeedEntry(
            id=url,
            title=pub.title_text,
            updated=publication_date(pub, today),
            link=url,
            authors=authors,
            summary=summary,
            content_html=str(content),
            categories=list(pub.topics),
        ))
    return out




def absolute_links(html: str, root: str) -> str:
    """``html`` with every relative ``href``/``src`` made absolute against the site's ``root`` URL: a feed
    reader shows an entry far from the page it came from."""

    def fix(match: re.Match[str]) -> str:
        url = match[2]
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("#"):
            return match[0]
        return f'{match[1]}="{urljoin(root, url)}"'

    return _LINK_ATTR.sub(fix, html)


@dataclass
class NewsForFeed:
    """A news item as the feed needs it: its anchor URL, date, headline and HTML (links relative to the root)."""

    url: str
    updated: datetime
    title: str
    html: str


def news_entries(items: Iterable[NewsForFeed], *, root: str, author: str) -> list[FeedEntry]:
    """Atom entries for news items, in the order given; a headline-less item is titled by its first words."""
    out = []
    for item in items:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item.html)).strip()
        title = item.title or _first_words(text)
        out.append(FeedEntry(id=item.url, title=title, updated=item.updated, link=item.url, authors=[author],
                             content_html=absolute_links(item.html, root)))
    return out


def _first_words(text: str, limit: int = 80) -> str:
    plain = html.unescape(text)
    if len(plain) <= limit:
        return plain
    return plain[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
