"""Issue 10, item 11: photo, pdf, slides, poster and preview links to local files that do not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from labbook.catalog.build import load_lab
from labbook.load.local_files import local_target, resolve_local
from labbook.settings import Settings

BIB = """@article{k1,
  title = {One},
  author = {Doe, Jane},
  year = 2024,
  pdf = {papers/missing.pdf},
  slides = {/slides/k1.pdf},
  poster = {poster.pdf},
  preview = {k1.png},
  supp = {https://example.org/supp.pdf},
  html = {projects/k1/}
}
"""
PEOPLE = "- id: jane-doe\n  name: Jane Doe\n  role: phd\n  photo: img/jane.jpg\n  links:\n    cv: cv/jane.pdf\n"
TALKS = "- id: t1\n  title: T\n  date: 2024-01-01\n  speaker: jane-doe\n  links:\n    slides: talks/t1.pdf\n"


def lab_in(tmp_path: Path, files: dict[str, str]):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_lab(Settings(root=tmp_path, docs_dir=tmp_path / "docs"))


def test_missing_local_files_are_warned_at_their_lines(tmp_path: Path) -> None:
    """Item 11: every missing local file named by a publication, person or talk is a warning at file:line,
    naming the place looked at; web addresses and page links are not files to look for."""
    lab = lab_in(tmp_path, {"data/publications.bib": BIB, "data/people.yml": PEOPLE, "data/talks.yml": TALKS,
                            "docs/slides/k1.pdf": "%PDF"})
    found = sorted((d.path, d.line, d.severity.value) for d in lab.report if d.code == "missing-file")
    assert found == [("data/people.yml", 4, "warning"), ("data/people.yml", 6, "warning"),
                     ("data/publications.bib", 5, "warning"), ("data/publications.bib", 7, "warning"),
                     ("data/publications.bib", 8, "warning"), ("data/talks.yml", 6, "warning")]
    messages = {d.line: d.message for d in lab.report if d.path.endswith(".bib")}
    assert "docs/papers/missing.pdf does not exist" in messages[5]
    # al-folio's bare names: looked for at the root and in al-folio's asset folders
    assert "docs/poster.pdf or docs/assets/pdf/poster.pdf" in messages[7]
    assert "docs/k1.png or docs/assets/img/publication_preview/k1.png" in messages[8]


def test_alfolio_bare_names_link_to_the_asset_folder(tmp_path: Path) -> None:
    """Item 11: `pdf = {paper.pdf}` with the file in docs/assets/pdf/ (al-folio's place) links there, quietly;
    a file at the root wins."""
    bib = "@article{k, title = {T}, author = {Doe, J}, year = 2024, pdf = {paper.pdf}, poster = {p.pdf},\n" \
          "  preview = {k.png}}\n"
    lab = lab_in(tmp_path, {"data/publications.bib": bib, "docs/assets/pdf/paper.pdf": "%PDF",
                            "docs/p.pdf": "%PDF", "docs/assets/img/publication_preview/k.png": "png"})
    assert lab.report.problems == []
    pub = lab.publication("k")
    assert pub.link("pdf") == "assets/pdf/paper.pdf" and pub.link("poster") == "p.pdf"


@pytest.mark.parametrize(("url", "target"), [
    ("papers/x.pdf", "papers/x.pdf"), ("/papers/x.pdf", "papers/x.pdf"), ("papers/x.pdf#page=2", "papers/x.pdf"),
    ("papers/my%20paper.pdf", "papers/my paper.pdf"), ("https://example.org/x.pdf", None), ("mailto:a@b.c", None),
    ("notes/x/", None), ("#top", None), ("//host/x.pdf", None),
])
def test_local_target(url: str, target: str | None) -> None:
    """Item 11: which values name a file of the site."""
    assert local_target(url) == target


def test_nothing_outside_docs_is_looked_at(tmp_path: Path) -> None:
    """Item 11: `../secret.pdf` is not resolved outside docs_dir, even when the file exists there."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "secret.pdf").write_text("x")
    url, tried = resolve_local("../secret.pdf", "pdf", tmp_path / "docs")
    assert url is None and tried
