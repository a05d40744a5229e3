"""From an id to a :class:`Work`: Crossref, then DataCite, for a DOI; the arXiv API for an arXiv id."""

from __future__ import annotations

from labbook.online.arxiv import read_arxiv
from labbook.online.crossref import read_crossref
from labbook.online.datacite import read_datacite
from labbook.online.endpoints import Endpoints
from labbook.online.http import Client, NotFound
from labbook.online.ids import PaperId
from labbook.online.work import Work


def resolve(paper: PaperId, client: Client, endpoints: Endpoints) -> Work:
    """The record of ``paper``. Raises :class:`~labbook.online.http.NotFound` when no service knows it and
    :class:`~labbook.online.http.FetchError` (or its :class:`~labbook.online.records.BadRecord`) otherwise."""
    if paper.kind == "arxiv":
        return resolve_arxiv(paper, client, endpoints)
    try:
        return read_crossref(client.get(endpoints.crossref_work(paper.value)).body)
    except NotFound:
        pass  # not a Crossref DOI: DataCite registers Zenodo, Dryad, software, datasets and arXiv's own DOIs
    try:
        return read_datacite(client.get(endpoints.datacite_doi(paper.value),
                                        accept="application/vnd.api+json, application/json").body)
    except NotFound:
        raise NotFound(f"neither Crossref nor DataCite knows DOI {paper.value}") from None


def resolve_arxiv(paper: PaperId, client: Client, endpoints: Endpoints) -> Work:
    """arXiv's record of ``paper`` (the version asked for, or the latest). arXiv answers an unknown id with an
    empty feed, not a 404; that becomes :class:`NotFound` too."""
    response = client.get(endpoints.arxiv_query([paper.value + paper.version]), accept="application/atom+xml")
    works = read_arxiv(response.body)
    work = works.get(paper.value)
    if work is None:
        raise NotFound(f"arXiv has no paper {paper.value}{paper.version}")
    return work
