"""The macros module with a Zensical-shaped environment: a page with url, path, title and meta (no ``file``),
a configuration dict with ``root_dir`` (no ``config_file_path``) and no labbook plugin."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from labbook import macros

BIB = """\
@inproceedings{lee2024,
  title = {A Paper on $x^2$},
  author = {Lee, Ada and Kim, Bo},
  booktitle = {Proc. Things},
  year = {2024},
}
"""
PEOPLE = """\
- id: ada-lee
  name: Ada Lee
  role: pi
"""


class ZensicalLikeEnv:
    """What zensical.extensions.macros.MacroEnv offers a macros module: conf, page, macro()."""

    def __init__(self, conf: dict[str, Any], page: Any) -> None:
        self.conf = conf
        self.page = page
        self.macros: dict[str, Any] = {}

    def macro(self, fn: Any) -> Any:
        self.macros[fn.__name__] = fn
        return fn


def zensical_env(root: Path, path: str, url: str) -> ZensicalLikeEnv:
    page = SimpleNamespace(url=url, path=path, title="T", meta={})
    conf = {"root_dir": str(root), "docs_dir": "docs", "use_directory_urls": True, "plugins": {}}
    env = ZensicalLikeEnv(conf, page)
    macros.define_env(env)
    return env


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "research").mkdir(parents=True)
    (tmp_path / "data" / "publications.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "data" / "people.yml").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "docs" / "research" / "page.md").write_text(
        textwrap.dedent("""\
            ---
            title: Research
            ---
            # Research

            {{ cite('nokey') }}
            """), encoding="utf-8")
    return tmp_path


def test_site_root_and_page_source_read_both_shapes(tmp_path: Path) -> None:
    """MkDocs gives config_file_path and page.file.src_uri; Zensical gives root_dir and page.path."""
    assert macros.site_root({"config_file_path": str(tmp_path / "mkdocs.yml")}) == tmp_path.resolve()
    assert macros.site_root({"root_dir": str(tmp_path)}) == tmp_path.resolve()
    mkdocs_page = SimpleNamespace(file=SimpleNamespace(src_uri="a/b.md"), url="a/b/")
    assert macros.page_source(mkdocs_page) == "a/b.md"
    assert macros.page_source(SimpleNamespace(url="a/b/", path="a/b.md", title=None, meta={})) == "a/b.md"
    assert macros.page_source(None) == ""


def test_lists_and_citations_render_with_a_zensical_page(site: Path) -> None:
    """publications(), cite() and person() render, with links relative to the page's URL."""
    env = zensical_env(site, "research/page.md", "research/page/")
    html = str(env.macros["publications"]())
    assert 'id="lee2024"' in html and "A Paper on" in html
    # a second list of the same kind on the same page gets its own ids (the page is told apart by its path)
    assert 'id="lee2024"' not in str(env.macros["publications"]())
    assert str(env.macros["cite"]("lee2024")).count("Lee and Kim, 2024") == 1
    link = str(env.macros["person"]("ada-lee"))
    assert 'href="../../people/ada-lee/"' in link


def test_a_bad_call_names_the_page_file(site: Path, caplog: pytest.LogCaptureFixture) -> None:
    """An unknown key is an error at the page's file (from page.path), never an AttributeError."""
    env = zensical_env(site, "research/page.md", "research/page/")
    with caplog.at_level(logging.ERROR):
        out = str(env.macros["cite"]("nokey"))
    assert "lb-missing" in out
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("docs/research/page.md:") and "cite('nokey')" in m for m in messages), messages


def test_importing_the_macros_imports_no_mkdocs() -> None:
    """Zensical imports labbook.macros; that pulls in neither MkDocs, Material, mkdocs-macros nor click."""
    import subprocess
    import sys

    code = ("import sys, labbook.macros; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'mkdocs', 'material', 'mkdocs_macros', 'click', 'properdocs'}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
