"""What data can do through labbook's macros: nothing. Markdown reads a macro's output again, so every
macro's HTML must come out of the page's Markdown exactly as it went in (item 1 of issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.macro_env import elements, macros_for, through_markdown

PAYLOADS = [
    "Good Paper ![x autofocus onfocus=alert(1) y](z)",
    "[click](javascript:alert(1))",
    "a | b | c",
    "$\\href{javascript:alert(1)}{x}$ and \\(y\\)",
    "x{: onclick=alert(1)} *em* __strong__ `code` ==mark== ~~del~~ ^^ins^^",
    "<https://evil.example> www.evil.example :smile: ++ctrl+alt++ [=50%]",
    "line one\n\n    indented code\n# heading\n- item",
]


def _site(tmp_path: Path, text: str) -> Path:
    bib_text = text.replace("{", "\\{").replace("}", "\\}")
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "data" / "publications.bib").write_text(
        f"@article{{key, title = {{{bib_text}}}, author = {{Doe, Jane}}, year = 2024,\n"
        f"  journal = {{{bib_text}}}, abstract = {{{bib_text}}}}}\n", encoding="utf-8")
    (tmp_path / "data" / "people.yml").write_text(
        f"- id: jane-doe\n  name: {text.splitlines()[0]!r}\n  role: phd\n  position: {text.splitlines()[0]!r}\n",
        encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("call", ["cite", "person", "publications", "people"])
@pytest.mark.parametrize("where", ["inline", "list-item", "table-cell", "own-line"])
def test_markdown_leaves_macro_output_alone(tmp_path: Path, payload: str, call: str, where: str) -> None:
    """Item 1 of issue 10: a title such as ``Good Paper ![x autofocus onfocus=alert(1) y](z)`` cited with
    ``cite()`` (or shown by any macro) is text in the page and in attributes: Markdown, with the extensions
    sites enable, makes no element and changes no attribute of the macro's HTML, wherever the call stands."""
    macros = macros_for(_site(tmp_path, payload))
    html = str(macros[call]("key" if call == "cite" else "jane-doe") if call in {"cite", "person"}
               else macros[call]())
    page = {"inline": "See {} here.", "list-item": "- first\n- {}\n",
            "table-cell": "| a | b |\n|---|---|\n| {} | x |\n", "own-line": "Intro.\n\n{}\n\nAfter."}[where]
    page = page.format(html)
    out = elements(through_markdown(page))
    mine = elements(html)
    start = next(i for i, item in enumerate(out) if item == mine[0])
    assert out[start:start + len(mine)] == mine
