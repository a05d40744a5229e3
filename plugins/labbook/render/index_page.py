"""The one shape of every generated list page: a title, an optional intro, then sections each holding a slot.

``/publications/``, ``/people/``, ``/talks/``, ``/projects/``, ``/openings/``, ``/news/``, ``/teaching/`` and
``/notes/`` differ only in their sections and what fills them; this module writes their Markdown skeleton
(front matter, title, section headings for the table of contents) and collects the slots.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading


def count(n: int, noun: str) -> str:
    """``"1 talk"``, ``"3 talks"``: a count for a description."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Section:
    """One slot of a list page: ``html(base)`` fills it; ``heading`` (plain text) puts an ``<h2>`` above it."""

    slot: str
    html: Callable[[str], str]
    heading: str | None = None


def index_page(src_uri: str, title: str, sections: Sequence[Section], *, empty: str, edit_path: str | None,
               intro: Section | None = None, meta: dict[str, object] | None = None,
               description: str | None = None) -> GeneratedPage:
    """A list page at ``src_uri``: ``intro`` (filters, counts) first, then ``sections``; ``empty`` (Markdown
    text) stands where the sections would when there are none. ``meta`` goes into the front matter, and
    ``description`` (plain text) becomes the page's own meta description, so search results and shared links
    of each list page say what it holds instead of repeating the site's description."""
    if description:
        meta = {"description": description, **(meta or {})}
    parts = [front_matter(title, **(meta or {})), f"# {title}", ""]
    lead = Section("lead", lambda base: str(Markup('<p class="lb-lead">{}</p>').format(description)))
    if description:
        # The page's header: its title and one line on what it lists, the same line search engines show.
        parts += [SLOT.format(lead.slot), ""]
    if intro is not None:
        parts += [SLOT.format(intro.slot), ""]
    for section in sections:
        if section.heading is not None:
            parts += [heading(2, section.heading), ""]
        parts += [SLOT.format(section.slot), ""]
    if not sections:
        parts += [empty, ""]
    filled = ([lead] if description else []) + ([intro] if intro is not None else []) + list(sections)

    def slots(base: str) -> dict[str, str]:
        return {section.slot: section.html(base) for section in filled}

    return GeneratedPage(src_uri=src_uri, markdown="\n".join(parts), slots=slots, edit_path=edit_path)
