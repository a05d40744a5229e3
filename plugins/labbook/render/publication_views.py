"""Plain, precomputed views of records for templates.

Templates get mappings and lists only (no method calls), so they stay portable to other Jinja engines; every
URL in a view is relative to the site root and the template prefixes it with the page's ``base``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from labbook.catalog.lab import Lab
from labbook.exports.bibtex import entry_to_bibtex
from labbook.model.publication import Publication
from labbook.options import DEFAULTS
from labbook.render.badges import citation_badges, scholar_user_of
from labbook.render.fragments import FragmentCache, publication_fingerprint
from labbook.render.site_urls import SiteUrls
from labbook.text.latex import latex_to_html
from labbook.text.safe_urls import is_site_relative


@dataclass
class ViewBuilder:
    """Builds and caches views of a lab's records for one build."""

    lab: Lab
    urls: SiteUrls
    max_authors: int = DEFAULTS.max_authors
    highlight_members: bool = DEFAULTS.highlight_members
    per_publication_pages: bool = DEFAULTS.per_publication_pages
    badges: tuple[str, ...] = ()
    """The citation badges the site opted in to (``altmetric``, ``dimensions``, ``scholar``)."""
    fragments: FragmentCache | None = None
    """Views and fragments kept from the last build (`mkdocs serve`); ``None`` makes everything afresh."""

    def __post_init__(self) -> None:
        self._pubs: dict[str, dict[str, Any]] = {}
        self._fingerprints: dict[str, str] = {}

    def person_url(self, person_id: str | None) -> str | None:
        """The root-relative URL of a person's page, if people pages exist."""
        return self.urls.url("people", person_id) if person_id else None

    def publication_url(self, pub: Publication) -> str | None:
        """The root-relative URL of a publication's own page, if those pages exist."""
        return self.urls.url("publications", pub.slug) if self.per_publication_pages else None

    def fingerprint(self, pub: Publication) -> str:
        """:func:`~labbook.render.fragments.publication_fingerprint` of ``pub``, computed once per build."""
        found = self._fingerprints.get(pub.key)
        if found is None:
            found = self._fingerprints[pub.key] = publication_fingerprint(pub)
        return found

    def fragment(self, key: tuple[Any, ...], pub: Publication, make: Any) -> Any:
        """A fragment of ``pub`` (``key`` names its kind and page-dependent inputs), reused when unchanged."""
        if self.fragments is None:
            return make()
        return self.fragments.get((*key, self.fingerprint(pub)), make)

    def publication(self, pub: Publication) -> dict[str, Any]:
        """The view of one publication (cached: it does not depend on the page showing it)."""
        cached = self._pubs.get(pub.key)
        if cached is None:
            cached = self._pubs[pub.key] = self.fragment(("view",), pub, lambda: self._publication(pub))
        return cached

    def publications(self, pubs: list[Publication]) -> list[dict[str, Any]]:
        """Views of several publications."""
        return [self.publication(p) for p in pubs]

    def _publication(self, pub: Publication) -> dict[str, Any]:
        authors = [self._author(a) for a in pub.authors]
        shown = len(authors) if len(authors) <= self.max_authors else max(self.max_authors - 1, 1)
        members = sorted({a["person_id"] for a in authors if a["person_id"]})
        return {
            "key": pub.key,
            "anchor": pub.slug,
            "url": self.publication_url(pub),
            "title_html": pub.title_html,
            "title_text": pub.title_text,
            "badge": pub.badge,
            "kind": pub.kind,
            "kind_label": pub.kind_label,
            "entry_type": pub.entry_type,
            "year": pub.year,
            "year_label": pub.year_label,
            "venue_html": pub.venue_html,
            "venue_text": pub.venue_text,
            "topics": pub.topics,
            "links": [{"kind": lk.kind, "label": lk.label, "url": lk.url, "relative": is_site_relative(lk.url)}
                      for lk in pub.links],
            "abstract_html": pub.abstract_html,
            # A one-line summary for the table view (al-folio has no such field; Semantic Scholar calls it TLDR).
            "tldr_html": Markup(latex_to_html(pub.raw.get("tldr"))) if pub.raw.get("tldr") else None,
            "award_html": pub.award_html,
            "award_label": pub.extra.get("award_label", ""),
            "preview": pub.extra.get("preview", ""),
            "preview_relative": is_site_relative(pub.extra.get("preview", "")),
            "metrics": citation_badges(pub, self.badges, scholar_user_of(pub, self.lab.people_by_id))
            if self.badges else [],
            "note_html": pub.note_html,
            "selected": pub.selected,
            "authors": authors,
            "authors_shown": shown,
            "et_al": pub.et_al,
            "editors": [self._author(a) for a in pub.editors],
            "members": members,
            "bibtex": entry_to_bibtex(pub.raw),
        }

    def _author(self, author: Any) -> dict[str, Any]:
        member = bool(author.person_id) and self.highlight_members
        return {
            "html": author.html,
            "text": author.text,
            "person_id": author.person_id,
            "url": self.person_url(author.person_id) if author.person_id else None,
            "member": member and author.is_member,
            "alumni": member and not author.is_member,
        }
