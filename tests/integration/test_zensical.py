"""The labbook macros under Zensical: a real `zensical build --strict` of a small site that calls them.

Zensical runs mkdocs-macros modules but no MkDocs plugin, so the macros load the lab themselves (docs/reference/
zensical.md says what such a site gets and what it does not).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("zensical") is None,
                       reason="zensical is not installed (pip install -e '.[zensical]'; `make test` does)"),
]

CONFIG = """\
site_name: Zensical Lab
plugins:
  - macros:
      modules: [labbook.macros]
"""
BIB = """\
@inproceedings{lee2024,
  title = {Learning {BibTeX} with $x^2$},
  author = {Lee, Ada and Kim, Bo},
  booktitle = {Proc. Things},
  year = {2024},
  keywords = {Theory},
}
"""
PEOPLE = "- id: ada-lee\n  name: Ada Lee\n  role: pi\n"
TALKS = "- id: t1\n  title: A Talk\n  speaker: ada-lee\n  date: 2024-05-01\n  event: Conf\n"
PAGE = """\
---
title: Research
---
# Research

{{ publications(topic='Theory') }}

As shown by {{ cite('lee2024') }}, says {{ person('ada-lee') }}.

{{ people() }}

{{ talks() }}
"""


def zensical(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True, timeout=600, env={**os.environ, "NO_COLOR": "1"})


def write(project: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(textwrap.dedent(text), encoding="utf-8")


def test_macros_render_in_a_zensical_build(tmp_path: Path) -> None:
    """Lists, citations and person links render; links are relative to the page; nothing crashes."""
    write(tmp_path, {"mkdocs.yml": CONFIG, "docs/index.md": "# Home\n", "docs/research/index.md": PAGE,
                     "data/publications.bib": BIB, "data/people.yml": PEOPLE, "data/talks.yml": TALKS})
    proc = zensical(tmp_path)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "Traceback" not in log and "error" not in log.lower(), log
    html = (tmp_path / "site" / "research" / "index.html").read_text(encoding="utf-8")
    assert 'id="lee2024"' in html and "Learning BibTeX with" in html
    assert "Lee and Kim, 2024" in html
    assert 'href="../people/ada-lee/"' in html  # relative to /research/
    assert "A Talk" in html and "Ada Lee" in html
    assert "{{" not in html


def test_a_bad_macro_call_is_reported_with_file_and_line(tmp_path: Path) -> None:
    """An unknown key prints labbook's diagnostic at the page's file and line (front matter counted), not a
    traceback. Zensical's --strict does not fail on it (it reads only its own warnings): see the reference."""
    page = "---\ntitle: T\n---\n# T\n\nSee {{ cite('nokey') }}.\n"
    write(tmp_path, {"mkdocs.yml": CONFIG, "docs/index.md": page, "data/publications.bib": BIB})
    proc = zensical(tmp_path)
    log = proc.stdout + proc.stderr
    assert "Traceback" not in log, log
    assert "docs/index.md:6: error: cite('nokey'): no publication has this key" in log, log
