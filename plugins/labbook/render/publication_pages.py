"""The generated publication pages: ``/publications/`` and one page per entry."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from markupsafe import Markup

from labbook.exports.citations import CitationStyle, format_citation
from labbook.exports.jsonld import json_ld_script, scholarly_article
from labbook.exports.scholar_meta import citation_meta, render_meta
from labbook.model.publication import Publication
from labbook.render.environment import Renderer
from labbook.render.facets import publication_facets
from labbook.render.fragments import digest
from labbook.render.generated import LATE, SLOT, GeneratedPage, front_matter
from labbook.render.index_page import Section, count, index_page
from labbook.render.publication_list import card, group_html, is_light, search_path, year_groups
from labbook.render.publication_views import ViewBuilder
from labbook.text.safe_urls import is_site_relative


class OnDemand:
    """A list made the first time it is read. The page's own template gets the citations this way: labbook's
    does not read them (the menu goes in late, see :attr:`GeneratedPage.late`), so they are formatted when the
    finished page needs them, while worker processes have had the most time to format them first; a lab's
    older override that prints them still gets them."""

    def __init__(self, make: Callable[[], list[dict[str, object]]]) -> None:
        self._make = make
        self._items: list[dict[str, object]] | None = None

    def _list(self) -> list[dict[str, object]]:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __iter__(self) -> Iterator[dict[str, object]]:
        return iter(self._list())

    def __getitem__(self, index: int) -> dict[str, object]:
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())


#: Formats one entry in one citation style (:func:`~labbook.exports.citations.format_citation`, or a store of them).
Formatter = Callable[[Publication, CitationStyle], Markup]


def publication_list(pubs: list[Publication], views: ViewBuilder, renderer: Renderer, base: str) -> str:
    """``publication_list.html`` for ``pubs``, with each entry's card (``publication.html``) rendered once
    and reused while the entry is unchanged."""
    cards = [card(pub, views, renderer, base) for pub in pubs]
    return renderer.render("publication_list.html", pubs=views.publications(pubs), cards=cards, base=base)


def publications_index(pubs: list[Publication], views: ViewBuilder, renderer: Renderer,
                       edit_path: str | None, title: str = "Publications", *,
                       feed_url: str | None = None) -> GeneratedPage:
    """``/publications/``: the filters, then every entry grouped by year (newest first), one heading per year;
    ``feed_url`` (root-relative) adds a link to the Atom feed.

    When every entry has its own page, the list is left out of the site's search index: each entry is found
    through its own page, and the list would add a second copy of every entry to the index.
    """
    extra = {"search": {"exclude": True}} if views.per_publication_pages and pubs else {}
    facets = publication_facets(pubs, views.lab)
    search_url = search_path(views) if is_light(views) and pubs else None
    intro = Section("intro", lambda base: renderer.render("publications_intro.html", count=len(pubs), facets=facets,
                                                          base=base, feed_url=feed_url, search_url=search_url))
    # Past the first screen, entries are short and their full cards load on demand (render/publication_list.py).
    sections, start = [], 0
    for group, (label, items) in enumerate(year_groups(pubs)):
        sections.append(Section(f"y{label}", lambda base, g=group, items=items, start=start: group_html(
            g, items, start, views, renderer, base), heading=label))
        start += len(items)
    years = sorted({p.year for p in pubs if p.year})
    span = f", {years[0]}–{years[-1]}" if len(years) > 1 else (f", {years[0]}" if years else "")
    description = (f"All {count(len(pubs), 'publication')} of the lab{span}, newest first, with abstracts, "
                   "BibTeX and filters by year, type, topic and lab member.")
    return index_page(views.urls.src_uri("publications"), title, sections, intro=intro, meta=extra,
                      empty="No publications yet.", edit_path=edit_path, description=description)


def publication_page(pub: Publication, views: ViewBuilder, renderer: Renderer,
                     site_url: str | None, styles: Sequence[CitationStyle] = (),
                     downloads: Mapping[str, str] | None = None, *, cite: Formatter = format_citation) -> GeneratedPage:
    """``/publications/<key>/``: the full record, with Google Scholar meta tags and JSON-LD in ``<head>``; a Cite
    section with the entry formatted by ``cite`` in each of ``styles`` and links to ``downloads`` (label -> site
    path)."""
    index_url = views.urls.url("publications")
    style_keys = tuple(s.path for s in styles)
    files = dict(downloads or {})

    def cites() -> list[dict[str, object]]:
        return views.fragment(("cite", style_keys), pub, lambda: formatted_citations(pub, styles, cite))

    def slots(base: str) -> dict[str, str]:
        # cites and downloads too: a lab's override of publication_page.html may still print the menu itself.
        return {"main": views.fragment(("page", base, index_url, style_keys), pub, lambda: renderer.render(
            "publication_page.html", p=views.publication(pub), base=base, index_url=index_url, cites=OnDemand(cites),
            downloads=files, cite_menu=Markup(LATE.format("cite"))))}

    def late(base: str) -> dict[str, str]:
        return {"cite": views.fragment(("cite-menu", base, style_keys), pub, lambda: renderer.render(
            "publication_cite.html", cites=cites(), downloads=files, base=base))}

    def head(page_abs_url: str | None, base: str) -> str:
        return views.fragment(("head", page_abs_url), pub, lambda: _head(pub, views, site_url, page_abs_url))

    src_uri = views.urls.src_uri("publications", pub.slug)

    def skeleton() -> tuple[str, str]:
        markdown = front_matter(pub.title_text, description=_description(pub)) + "\n" + SLOT.format("main") + "\n"
        return markdown, digest(src_uri, markdown, views.fingerprint(pub), index_url, site_url, pub.path)

    markdown, reuse_key = views.fragment(("skeleton", src_uri, index_url, site_url), pub, skeleton)
    return GeneratedPage(
        # The paper's preview is its image in shared links (the site's image stands in without one).
        meta={"og_type": "article", "image": pub.extra.get("preview") or None},
        src_uri=src_uri,
        markdown=markdown,
        slots=slots,
        late=late,
        head=head,
        edit_path=pub.path,
        in_nav=False,
        reuse_key=reuse_key,
    )


def _head(pub: Publication, views: ViewBuilder, site_url: str | None, page_abs_url: str | None) -> str:
    pdf = pub.link("pdf")
    if pdf and is_site_relative(pdf):
        pdf = site_url.rstrip("/") + "/" + pdf if site_url else ""
    meta = render_meta(citation_meta(pub, page_url=page_abs_url, pdf_url=pdf or None))
    article = scholarly_article(pub, url=page_abs_url, person_url=lambda pid: _abs(site_url, views.person_url(pid)))
    return meta + "\n" + json_ld_script(article)


def formatted_citations(pub: Publication, styles: Sequence[CitationStyle],
                        cite: Formatter = format_citation) -> list[dict[str, object]]:
    """``pub`` in each style (formatted by ``cite``): key, label and HTML. A style citeproc-py fails on for this
    entry is left out (the other styles and the downloads still cite it)."""
    out: list[dict[str, object]] = []
    for style in styles:
        try:
            html = cite(pub, style)
        except Exception:  # citeproc-py's errors have no common base; one odd entry must not stop the build
            continue
        if html:
            out.append({"key": style.key, "label": style.label, "html": html})
    return out


def _abs(site_url: str | None, root_relative: str | None) -> str | None:
    if not site_url or root_relative is None:
        return None
    return site_url.rstrip("/") + "/" + root_relative


def _description(pub: Publication) -> str:
    authors = ", ".join(a.text for a in pub.authors[:6]) + (" et al." if len(pub.authors) > 6 or pub.et_al else "")
    venue = f" {pub.venue_text}," if pub.venue_text else ""
    return f"{authors}.{venue} {pub.year_label}."
