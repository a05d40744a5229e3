"""`labbook import` on broken sources: every problem is in the report with its line; never a traceback, never a
file read from outside SOURCE, and SOURCE is left as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from labbook.importers import TEMPLATES, run_import

FILES: dict[str, str | bytes] = {
    "_config.yml": "just a string\n",
    "_bibliography/papers.bib": "@article{ok, title={Fine}, author={A, B}, year={2020}}\n@article{x, title={unclosed\n",
    "_news/bin.md": b"\xff\xfe\x00garbage",
    "_news/list.md": "---\n- a\n- b\n---\nx",
    "_news/weird.md": "---\ndate: [1,2]\ntitle: {a: 1}\n---\n",
    "_projects/p.md": "---\ntitle: P\nimg: ../../../../etc/passwd\n---\n![x](../../../../etc/passwd) "
                      "{% include figure.liquid %} {{< nope >}} {% unclosed",
    "_data/students.yml": "- 1\n- [a]\n- {name: ''}\n- {name: X, image: /etc/passwd}\n",
    "_data/faculty.yml": "a: [",
    "_people/p.md": "---\ntitle: [\n---\n",
    "_talks/t.md": "---\ntitle: T\ndate: 99999-99-99\n---\n",
    "_publications/p.md": "---\ntitle: P\ndate: 2020-01-01\ncategory: {x: 1}\nvenue: [1]\n---\n### By:\n\n",
    "content/publication/x/index.md": "+++\ntitle = \n+++\n",
    "content/publication/x/cite.bib": "None",
    "content/authors/a/_index.md": "---\ntitle: A\nuser_groups: 5\nsocial: [1, {icon: github, link: "
                                   "'javascript:alert(1)'}]\norganizations: x\n---\n",
    "config/_default/languages.yaml": "languages: [1]\n",
    "content/post/p.md": "---\ndate: 2020-01-01\n---\n{{% callout %}}unclosed",
}


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_broken_source_is_reported_not_raised(template: str, tmp_path: Path) -> None:
    source = tmp_path / "src"
    for rel, content in FILES.items():
        path = source / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (source / "assets/img").mkdir(parents=True)
    os.symlink("/etc/passwd", source / "assets/img/link.png")
    os.symlink("/etc/passwd", source / "_news/linked.md")
    os.symlink("/etc/passwd", source / "_data/students.yml.link")
    (source / "content/post/linked.md").symlink_to("/etc/passwd")
    (source / "_news/with-link.md").write_text("---\ndate: 2020-01-01\n---\n![l](/assets/img/link.png)\n",
                                               encoding="utf-8")
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file() and not p.is_symlink()}
    outcome = run_import(template, source, tmp_path / "out")
    assert outcome.exit_code == 1
    report = (tmp_path / "out" / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "Skipped items" in report
    copied = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and b"root:" in p.read_bytes()]
    assert copied == []  # nothing outside SOURCE was read, not even through a symlink
    assert "root:" not in report
    for text in (p.read_text("utf-8") for p in (tmp_path / "out" / "data").glob("*.yml")):
        assert "{%" not in text and "{{" not in text
    assert {p: p.read_bytes() for p in source.rglob("*") if p.is_file() and not p.is_symlink()} == before
