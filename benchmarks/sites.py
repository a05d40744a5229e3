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

import shutil
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


def _handbook(docs: Path) -> None:
    (docs / "handbook").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Benchmark Lab\n\nWe study the theory of foundation models.\n", encoding="utf-8")
    for i, page in enumerate(HANDBOOK):
        body = "\n\n".join(
            f"## Section {j}\n\nLab members read this before their first week. Paragraph {j} of page {i} says how "
            "we work, which machines we use and whom to ask. $E = mc^2$ is only an example of math."
            for j in range(1, 6))
        (docs / "handbook" / f"{page}.md").write_text(f"# {page.replace('-', ' ').title()}\n\n{body}\n",
                                                      encoding="utf-8")


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
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _md(text: str) -> str:
    # Math stays for arithmatex; everything else is plain text.
    parts = text.split("$")
    return "$".join(p.translate(_MD_ESCAPE) if i % 2 == 0 else p for i, p in enumerate(parts))


def _authors_md(pub: PubText, base: str) -> str:
    return ", ".join(f"[{_md(name)}]({base}people/{pid}.md)" if pid else _md(name) for name, pid in pub.authors)


def _links_md(pub: PubText, base: str) -> str:
    def target(url: str) -> str:
        # A site-relative file (a PDF in docs/assets/) as a hand-written page links it: relative to the page.
        return url if "://" in url else base + url

    return " ".join(f"[{label}]({target(url)}){{ .md-button }}" for label, url in pub.links)


def _detail_md(pub: PubText) -> str:
    base = "../"
    meta = {"title": pub.title, "description": f"{', '.join(a for a, _ in pub.authors[:6])}. {pub.venue}, {pub.year}."}
    lines = ["---", yaml.safe_dump(meta, allow_unicode=True, width=10_000).strip(), "---", "",
             f"# {_md(pub.title)}", "", _authors_md(pub, base), "",
             f"**{pub.kind}** *{_md(pub.venue)}*, {pub.year}" + (f" · {_md(pub.note)}" if pub.note else "")
             + (f" · **{pub.award}**" if pub.award else ""), "",
             _links_md(pub, base), "", " ".join(f"`{t}`" for t in pub.topics), "",
             "## Abstract", "", _md(pub.abstract), "", "## BibTeX", "", "```bibtex", pub.bibtex, "```", "",
             "[← All publications](index.md)", ""]
    return "\n".join(lines)


def _list_entry_md(pub: PubText) -> str:
    base = "../"
    return "\n".join([
        f"**[{_md(pub.title)}]({pub.key}.md)**  ",
        f"{_authors_md(pub, base)}  ",
        f"*{_md(pub.venue)}*, {pub.year} {_links_md(pub, base)}", "",
        '??? abstract "Abstract"', "", "    " + _md(pub.abstract), "",
        '??? quote "BibTeX"', "", "    ```bibtex", *("    " + line for line in pub.bibtex.splitlines()), "    ```",
        "",
    ])


def write_baseline_site(lab: Lab, root: Path) -> Path:
    """The plain MkDocs site with the same pages written as Markdown; returns its mkdocs.yml."""
    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    _handbook(docs)
    pubs = sorted(lab.publications, key=lambda p: -p.year)  # stable: newest year first, file order within
    (docs / "publications").mkdir(parents=True)
    # As labbook does when every entry has its own page: the list stays out of the search index.
    parts = ["---", "search:", "  exclude: true", "---", "", "# Publications", "", f"{len(pubs)} publications", ""]
    for year, items in groupby(pubs, key=lambda p: p.year):
        parts += [f"## {year}", ""]
        parts += [_list_entry_md(p) for p in items]
    (docs / "publications" / "index.md").write_text("\n".join(parts), encoding="utf-8")
    for pub in pubs:
        (docs / "publications" / f"{pub.key}.md").write_text(_detail_md(pub), encoding="utf-8")
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
