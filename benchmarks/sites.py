"""The three projects a benchmark builds from one generated lab.

- ``labbook/``: an MkDocs + Material site with the labbook plugin reading the generated ``data/``.
- ``baseline/``: the same site without labbook; the publication list and one page per publication are
  Markdown files the benchmark writes, of the same content (title, authors linked to people, venue, links,
  topics, abstract, BibTeX), detail pages outside the nav as labbook does.
- ``sphinx/``: a Sphinx project whose one page lists the same .bib through sphinxcontrib-bibtex.

Both MkDocs sites share the theme, the Markdown extensions, the search plugin and a few handbook pages, so the
difference between their build times is what labbook costs.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

import yaml

from benchmarks.generate import Lab, PubText

SITE_URL = "https://lab.example.org/"
HANDBOOK = ["onboarding", "computing", "writing", "reading-group", "code-of-conduct"]
_MD_ESCAPE = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|#"})


def _base_config(name: str) -> dict:
    return {
        "site_name": name,
        "site_url": SITE_URL,
        "repo_url": "https://github.com/example-lab/handbook",
        "edit_uri": "edit/main/docs/",
        "theme": {"name": "material", "features": ["navigation.instant", "navigation.top", "content.action.edit",
                                                   "search.highlight"]},
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", {"toc": {"permalink": True}},
                                {"pymdownx.arithmatex": {"generic": True}}, "pymdownx.superfences",
                                "pymdownx.details", {"pymdownx.highlight": {"use_pygments": False}}],
        # People pages do not exist in either site yet; a link to one is not worth a message per page.
        "validation": {"links": {"not_found": "info", "unrecognized_links": "info"}},
        "nav": [{"Home": "index.md"}, {"Handbook": [f"handbook/{p}.md" for p in HANDBOOK]},
                {"Publications": "publications/index.md"}],
    }


def handbook_pages() -> dict[str, str]:
    """The home page and the handbook pages every site has, as {path under docs/: Markdown}."""
    pages = {"index.md": "# Benchmark Lab\n\nWe study the theory of foundation models.\n"}
    for i, page in enumerate(HANDBOOK):
        body = "\n\n".join(
            f"## Section {j}\n\nLab members read this before their first week. Paragraph {j} of page {i} says how "
            "we work, which machines we use and whom to ask. $E = mc^2$ is only an example of math."
            for j in range(1, 6))
        pages[f"handbook/{page}.md"] = f"# {page.replace('-', ' ').title()}\n\n{body}\n"
    return pages


#: A one-pixel PNG and a minimal PDF: what matters is that every site ships the files its pages link.
_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/"
                        "PchI7wAAAABJRU5ErkJggg==")
_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n")


def write_media(lab: Lab, folder: Path) -> None:
    """The PDFs and preview images the lab's entries link, under ``folder`` (a docs folder, Hugo's static/)."""
    for pub in lab.publications:
        for path in pub.files:
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_PNG if path.endswith(".png") else _PDF)


def _handbook(docs: Path) -> None:
    for path, text in handbook_pages().items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")


#: labbook's other generated pages, off by default so that both MkDocs sites build the same set of pages.
OTHER_PAGES = ("people", "talks", "openings", "news", "projects", "teaching", "notes")


def write_labbook_site(lab: Lab, root: Path, *, all_pages: bool = False) -> Path:
    """The labbook site (its data/ is already in ``lab.root``); returns its mkdocs.yml.

    Every collection is read and checked either way; with ``all_pages`` labbook also makes the pages of
    people, talks, openings and news (which the plain MkDocs site does not have).
    """
    config = _base_config("Benchmark Lab")
    options: dict = {"today": "2025-06-01"}
    if not all_pages:
        options["pages"] = {name: False for name in OTHER_PAGES}
    config["plugins"] = ["search", {"labbook": options}]
    _handbook(root / "docs")
    write_media(lab, root / "docs")
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _md(text: str) -> str:
    # Math stays for arithmatex; everything else is plain text.
    parts = text.split("$")
    return "$".join(p.translate(_MD_ESCAPE) if i % 2 == 0 else p for i, p in enumerate(parts))


def _same(target: str) -> str:
    return target


class _Writer:
    """Markdown of the publication pages; ``link`` maps an MkDocs-style target (``../people/x.md``) to the
    target another generator wants, and ``buttons`` says whether links carry MkDocs' ``{ .md-button }``."""

    def __init__(self, link: Callable[[str], str] = _same, buttons: bool = True) -> None:
        self.link = link
        self.buttons = buttons

    def authors(self, pub: PubText, base: str) -> str:
        return ", ".join(f"[{_md(name)}]({self.link(f'{base}people/{pid}.md')})" if pid else _md(name)
                         for name, pid in pub.authors)

    def links(self, pub: PubText, base: str) -> str:
        def target(url: str) -> str:
            # A site-relative file (a PDF in docs/assets/) as a hand-written page links it: relative to the page.
            return url if "://" in url else self.link(base + url)

        attr = "{ .md-button }" if self.buttons else ""
        return " ".join(f"[{label}]({target(url)}){attr}" for label, url in pub.links)

    def detail(self, pub: PubText) -> str:
        base = "../"
        meta = {"title": pub.title,
                "description": f"{', '.join(a for a, _ in pub.authors[:6])}. {pub.venue}, {pub.year}."}
        lines = ["---", yaml.safe_dump(meta, allow_unicode=True, width=10_000).strip(), "---", "",
                 f"# {_md(pub.title)}", "", self.authors(pub, base), "",
                 f"**{pub.kind}** *{_md(pub.venue)}*, {pub.year}" + (f" · {_md(pub.note)}" if pub.note else "")
                 + (f" · **{pub.award}**" if pub.award else ""), "",
                 self.links(pub, base), "", " ".join(f"`{t}`" for t in pub.topics), "",
                 "## Abstract", "", _md(pub.abstract), "", "## BibTeX", "", "```bibtex", pub.bibtex, "```", "",
                 f"[← All publications]({self.link('index.md')})", ""]
        return "\n".join(lines)

    def list_entry(self, pub: PubText) -> str:
        """The old baseline's list entry: what the reader sees, plus the abstract and BibTeX folded away."""
        base = "../"
        return "\n".join([
            f"**[{_md(pub.title)}]({pub.key}.md)**  ",
            f"{self.authors(pub, base)}  ",
            f"*{_md(pub.venue)}*, {pub.year} {self.links(pub, base)}", "",
            '??? abstract "Abstract"', "", "    " + _md(pub.abstract), "",
            '??? quote "BibTeX"', "", "    ```bibtex", *("    " + line for line in pub.bibtex.splitlines()),
            "    ```", "",
        ])

    def light_entry(self, pub: PubText) -> str:
        """A list entry with what a reader sees before clicking: title (linking the entry's page), authors,
        venue, year, award, links and topics; the abstract and BibTeX are one click away on the entry's page."""
        base = "../"
        topics = " ".join(f"`{t}`" for t in pub.topics)
        return "\n".join([
            f"**{pub.kind}**" + (f" **{pub.award}**" if pub.award else ""),
            f"**[{_md(pub.title)}]({self.link(pub.key + '.md')})**  ",
            f"{self.authors(pub, base)}  ",
            f"*{_md(pub.venue)}*, {pub.year}" + (f" · {_md(pub.note)}" if pub.note else "") + "  ",
            f"{topics}  " if topics else "",
            self.links(pub, base), "",
        ])


def publication_pages(lab: Lab, *, light_list: bool, link: Callable[[str], str] = _same,
                      buttons: bool = True) -> dict[str, str]:
    """``publications/index.md`` and one ``publications/<key>.md`` per publication, as {path: Markdown}.

    With ``light_list`` the list has only what a reader sees before clicking; otherwise each entry also
    carries its abstract and BibTeX in folded blocks (the original baseline).
    """
    writer = _Writer(link, buttons)
    pubs = sorted(lab.publications, key=lambda p: -p.year)  # stable: newest year first, file order within
    entry = writer.light_entry if light_list else writer.list_entry
    # As labbook does when every entry has its own page: the list stays out of the search index.
    parts = ["---", "title: Publications", "search:", "  exclude: true", "---", "", "# Publications", "",
             f"{len(pubs)} publications", ""]
    for year, items in groupby(pubs, key=lambda p: p.year):
        parts += [f"## {year}", ""]
        parts += [entry(p) for p in items]
    pages = {"publications/index.md": "\n".join(parts)}
    for pub in pubs:
        pages[f"publications/{pub.key}.md"] = writer.detail(pub)
    return pages


def write_baseline_site(lab: Lab, root: Path, *, light_list: bool = False) -> Path:
    """The plain MkDocs site with the same pages written as Markdown; returns its mkdocs.yml.

    ``light_list`` makes the same-pages baseline: the list carries what a reader sees before clicking.
    """
    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    _handbook(docs)
    write_media(lab, docs)
    for path, text in publication_pages(lab, light_list=light_list).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config = _base_config("Benchmark Lab")
    config["plugins"] = ["search"]
    config["not_in_nav"] = "/publications/*.md\n"
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_sphinx_project(lab: Lab, root: Path) -> Path:
    """A Sphinx project listing the lab's .bib on one page; returns its source folder."""
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(lab.root / "data" / "publications.bib", src / "publications.bib")
    (src / "conf.py").write_text(
        "project = 'Benchmark Lab'\n"
        "extensions = ['sphinxcontrib.bibtex']\n"
        "bibtex_bibfiles = ['publications.bib']\n"
        "bibtex_default_style = 'plain'\n"
        "html_theme = 'alabaster'\n",
        encoding="utf-8")
    (src / "index.rst").write_text("Publications\n============\n\n.. bibliography::\n   :all:\n", encoding="utf-8")
    return src
