"""TeX that MathJax would let out of the formula is refused when data is read (item 2 of issue 10)."""

from __future__ import annotations

import pytest

from labbook.diagnostics import Report
from labbook.load.bibtex import parse_bibtex
from labbook.load.yaml import parse_yaml
from labbook.site.assets import MATHJAX_DIR, PACKAGE_TEMPLATES, mathjax_assets


@pytest.mark.parametrize("tex", [
    r"\href{javascript:alert(1)}{x}", "\\href {JaVa\tScript:alert(1)}{x}", r"\href{data:text/html,x}{y}",
    r"\href{//evil.example}{x}", r"\href{/\evil.example}{x}", r"\let\h\href", r"\style{position:fixed}{x}",
    r"\class{md-header}{x}", r"\cssId{x}{y}", r"\data{a=b}{x}", r"\unicode[Arial]{x41}", r"\require{html}",
])
def test_commands_that_leave_the_formula_are_found(tex: str) -> None:
    """Item 2 of issue 10: \\href to anything but http(s), mailto or a relative URL, \\style, \\class,
    \\cssId, \\data, \\unicode and \\require are found wherever they stand in a value."""
    from labbook.text.math_safety import unsafe_math

    assert unsafe_math(f"Title ${tex}$ more")


@pytest.mark.parametrize("tex", [r"$\frac{a}{b}$", r"\href{https://example.org}{x}", r"$\mathrm{style}$",
                                 r"\href{mailto:a@example.org}{m}", r"\href{files/x.pdf}{x}", r"$\classical$",
                                 "no math at all", r"$\styled$"])
def test_ordinary_tex_passes(tex: str) -> None:
    """Formulas, safe links and commands that only start like a refused one are not reported."""
    from labbook.text.math_safety import unsafe_math

    assert unsafe_math(tex) == []


def test_bibtex_and_yaml_report_them_with_file_and_line() -> None:
    """Item 2 of issue 10: ``labbook check`` (the loaders) names the file and the field's line."""
    report = Report()
    parse_bibtex("@article{k,\n  title = {Ok},\n  abstract = {$\\href{javascript:alert(1)}{x}"
                 "\\style{position:fixed}{y}$},\n}\n", "p.bib", report)
    parse_yaml('- id: a\n  name: A\n  bio: "$\\\\cssId{top}{x}$"\n', "people.yml", report)
    found = [(d.path, d.line, d.column, d.code) for d in report]
    assert found == [("p.bib", 3, 0, "bib-unsafe-math"), ("people.yml", 3, 8, "yaml-unsafe-math")]
    assert "\\href to 'javascript:alert(1)'" in report.items[0].message
    assert "\\style (sets CSS on the page)" in report.items[0].message


def test_the_safe_extension_is_shipped_and_loaded() -> None:
    """Item 2 of issue 10: MathJax's ``ui/safe.js`` comes from the installed MathJax and is self-hosted, and
    the configuration loads it, allows only http, https and mailto links, and removes \\require."""
    dests = {a.dest: a.source for a in mathjax_assets()}
    assert dests[f"{MATHJAX_DIR}/ui/safe.js"].is_file()
    config = (PACKAGE_TEMPLATES / "assets" / "labbook.js").read_text(encoding="utf-8")  # configures MathJax
    assert 'load: ["ui/safe"]' in config
    assert "safeProtocols: { http: true, https: true, mailto: true, file: false, javascript: false, data: false }" \
        in config
    assert 'allow: { URLs: "safe", classes: "none", cssIDs: "none", styles: "none" }' in config
    assert '"[-]": ["require"]' in config and "unicode: []" in config
