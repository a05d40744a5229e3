"""The light ``/publications/``: full cards for the first screen, short entries past it, the rest on demand.

A 5,000-entry list whose every card carries its abstract and BibTeX is a 20 MB page. When every entry has its
own page, the list page instead holds

- the full card (badge, title, authors, venue, topics, link buttons) of the first :data:`FIRST_CARDS` entries,
  with Abstract and BibTeX toggles that fetch those from the entry's own page when first opened;
- for every later entry a short one: its title linking its page, its year, and the data the filters read
  (year, type, topics, lab members, selected), so the filters and the count cover every entry;
- per year group, a JSON file of the full cards of its short entries (``cards-<n>.json`` beside the page),
  which ``labbook.js`` swaps in as the group scrolls near;
- one JSON file of each entry's searchable text (title, authors, venue, topics, abstract: ``search.json``),
  fetched when the reader first types in the search box.

Without JavaScript every entry is on the page and its abstract is one link away, on its own page. Without
per-publication pages there is nowhere to fetch from, and every card carries its abstract and BibTeX inline.
"""

from __future__ import annotations

import json
from itertools import groupby

from markupsafe import Markup

from labbook.model.publication import Publication
from labbook.render.environment import Renderer
from labbook.render.publication_views import ViewBuilder
from labbook.render.site_urls import base_for
from labbook.text.latex_mathml import compact_mathml
from labbook.text.markdown_text import plain_text, with_base

#: Entries shown as full cards in the page itself: more than a first screen on any device, and at about
#: 2 kB a card, 40 kB of a page whose later entries cost about 270 bytes each.
FIRST_CARDS = 12


def year_groups(pubs: list[Publication]) -> list[tuple[str, list[Publication]]]:
    """``pubs`` (newest first) in groups of one year label each, in order."""
    return [(label, list(items)) for label, items in groupby(pubs, key=lambda p: p.year_label)]


def is_light(views: ViewBuilder) -> bool:
    """Whether the list is split (entries have pages to fetch their abstract and BibTeX from)."""
    return views.per_publication_pages and views.urls.url("publications") is not None


def _folder(views: ViewBuilder) -> str:
    return views.urls.src_uri("publications")[: -len("index.md")]


def chunk_path(views: ViewBuilder, group: int) -> str:
    """The site path of the JSON file with the full cards of group ``group``'s short entries."""
    return f"{_folder(views)}cards-{group}.json"


def search_path(views: ViewBuilder) -> str:
    """The site path of the JSON file with every entry's searchable text."""
    return f"{_folder(views)}search.json"


def card(pub: Publication, views: ViewBuilder, renderer: Renderer, base: str) -> str:
    """The full card (``publication.html``) of ``pub``, rendered once and reused while the entry is unchanged."""
    return views.fragment(("card", base), pub, lambda: renderer.render(
        "publication.html", p=views.publication(pub), base=base))


def _short(pub: Publication, views: ViewBuilder, renderer: Renderer, base: str) -> str:
    # Every byte of a short entry counts 5,000 times: its link is relative to the list, not to the site root.
    folder = _list_dir(views)
    view = views.publication(pub)
    url = view["url"] or ""
    href = url[len(folder):] if folder and url.startswith(folder) else base + url
    return views.fragment(("short", base), pub, lambda: renderer.render(
        "publication_short.html", p=view, href=href, title=Markup(compact_mathml(str(view["title_html"])))))


def _list_dir(views: ViewBuilder) -> str:
    """The list page's folder as a URL (``publications/``): its entries' pages are below it."""
    url = views.urls.url("publications") or ""
    return url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"


def group_html(group: int, items: list[Publication], start: int, views: ViewBuilder, renderer: Renderer,
               base: str) -> str:
    """``publication_list.html`` for the year group ``group`` whose first entry is the list's ``start``-th."""
    light = is_light(views)
    cards = [(_short if light and start + i >= FIRST_CARDS else card)(pub, views, renderer, base)
             for i, pub in enumerate(items)]
    chunk = chunk_path(views, group) if light and start + len(items) > FIRST_CARDS else None
    return renderer.render("publication_list.html", pubs=views.publications(items), cards=cards, base=base,
                           chunk=chunk)


def list_files(pubs: list[Publication], views: ViewBuilder, renderer: Renderer) -> dict[str, str]:
    """The JSON files the light list fetches: each group's full cards of its short entries, and the search
    text of every entry; none when the list is not split."""
    if not is_light(views):
        return {}
    list_url = views.urls.url("publications")
    assert list_url is not None
    base = base_for(list_url)
    files: dict[str, str] = {}
    start = 0
    for group, (_, items) in enumerate(year_groups(pubs)):
        rest = items[max(FIRST_CARDS - start, 0):]
        if rest:
            cards = {views.publication(pub)["anchor"]: with_base(card(pub, views, renderer, base), base)
                     for pub in rest}
            files[chunk_path(views, group)] = json.dumps(cards, ensure_ascii=False, separators=(",", ":"))
        start += len(items)
    texts = {views.publication(pub)["anchor"]: views.fragment(("search",), pub, lambda pub=pub: search_text(pub))
             for pub in pubs}
    files[search_path(views)] = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    return files


def search_text(pub: Publication) -> str:
    """What the list's search box looks through for ``pub``: title, authors, venue, year, note, topics and
    abstract, as plain text."""
    parts = [pub.title_text, ", ".join(a.text for a in pub.authors), pub.venue_text, pub.year_label,
             plain_text(str(pub.note_html or "")), " ".join(pub.topics), plain_text(str(Markup(pub.abstract_html)))]
    return " ".join(p for p in parts if p)
