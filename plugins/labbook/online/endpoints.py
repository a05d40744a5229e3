"""Where each service lives: base URLs (overridable by environment variables) and the request paths."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

#: Environment variable and default base URL of each service (documented in docs/reference/configuration.md).
DEFAULT_BASES: dict[str, tuple[str, str]] = {
    "crossref": ("LABBOOK_CROSSREF_URL", "https://api.crossref.org"),
    "datacite": ("LABBOOK_DATACITE_URL", "https://api.datacite.org"),
    "arxiv": ("LABBOOK_ARXIV_URL", "http://export.arxiv.org"),
    "orcid": ("LABBOOK_ORCID_URL", "https://pub.orcid.org"),
    "openalex": ("LABBOOK_OPENALEX_URL", "https://api.openalex.org"),
}


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The base URL of every service, without a trailing slash."""

    crossref: str
    datacite: str
    arxiv: str
    orcid: str
    openalex: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Endpoints:
        """Base URLs from ``LABBOOK_*_URL`` in ``env`` (``os.environ`` by default), else the defaults."""
        env = os.environ if env is None else env
        return cls(**{name: (env.get(var) or default).rstrip("/") for name, (var, default) in DEFAULT_BASES.items()})

    def crossref_work(self, doi: str) -> str:
        """``{base}/works/{doi}``: one Crossref record."""
        return f"{self.crossref}/works/{_doi_path(doi)}"

    def datacite_doi(self, doi: str) -> str:
        """``{base}/dois/{doi}``: one DataCite record."""
        return f"{self.datacite}/dois/{_doi_path(doi)}"

    def arxiv_query(self, ids: list[str]) -> str:
        """``{base}/api/query?id_list={ids}``: arXiv's Atom feed of the named ids."""
        return f"{self.arxiv}/api/query?id_list={quote(','.join(ids), safe='.,')}&max_results={max(len(ids), 1)}"

    def orcid_works(self, orcid: str) -> str:
        """``{base}/v3.0/{orcid}/works``: the summaries of a person's works."""
        return f"{self.orcid}/v3.0/{orcid}/works"

    def openalex_works(self, author_id: str, cursor: str = "*") -> str:
        """``{base}/works?filter=author.id:{id}``: an author's works, one page of up to 200."""
        return f"{self.openalex}/works?filter=author.id:{author_id}&per-page=200&cursor={quote(cursor)}"


def _doi_path(doi: str) -> str:
    # A DOI may hold characters that mean something in a URL (SICI DOIs have [ ] ; ( ) :); the "/" stays.
    return quote(doi, safe="/:()")
