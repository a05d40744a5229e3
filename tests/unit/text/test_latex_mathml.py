"""TeX math in data becomes MathML at build time; what latex2mathml cannot convert stays TeX for MathJax."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labbook.text.latex import latex_to_html, latex_to_text
from labbook.text.latex_mathml import ATTRIBUTES, ELEMENTS, compact_mathml, mathml_to_tex, tex_to_mathml
from labbook.text.markdown_text import plain_text


def tree(mathml: str) -> ET.Element:
    """The parsed formula (it must be well-formed XML)."""
    return ET.fromstring(mathml)


def test_inline_formula_is_mathml_with_its_tex_annotated() -> None:
    """A formula is drawn by the browser (no script) and keeps its TeX in a hidden annotation."""
    out = tex_to_mathml(r"\frac{a}{b} + x_i^2")
    assert out is not None and out.startswith('<math display="inline"><semantics><mpadded data-search-exclude="1">')
    root = tree(out)
    assert root.find(".//mfrac") is not None and root.find(".//msubsup") is not None
    assert root.find("semantics/annotation").text == r"\frac{a}{b} + x_i^2"
    assert root.find("semantics/annotation").get("encoding") == "application/x-tex"


def test_display_formula() -> None:
    """$$...$$ gives block math."""
    assert tex_to_mathml(r"\sum_{i=1}^n i", display=True).startswith('<math display="block">')
    assert latex_to_html(r"see $$\sqrt{x}$$ here").startswith('see <math display="block">')


def test_example_abstract_formula() -> None:
    """The example handbook's formula (publications.bib, lee2024lora) converts, \\bar and \\mathrm included."""
    out = tex_to_mathml(r"\mathrm{width}(f) \times \mathrm{depth}(\bar{f}) / \mathrm{depth}(f)")
    assert out is not None and "<mover>" in out and "×" in out and "\\" not in out.split("<annotation")[0]


@pytest.mark.parametrize("tex", [
    r"\foo{x}",  # a command latex2mathml does not know: copied into its output, so MathJax's turn
    r"\frac{a}{",  # latex2mathml raises
    "a^",
    r"\text{<b>bold</b>}",  # raw markup in its output
    r"x & y",
    r"\href{https://example.org}{x}",  # an attribute outside the allowed set (MathJax's safe extension filters it)
    r"\href{javascript:alert(1)}{x}",
    r"\style{position:fixed}{x}",
    r"\class{md-header}{x}",
    "x" * 2001,
    "",
    "  ",
])
def test_what_cannot_be_converted_is_left_to_mathjax(tex: str) -> None:
    """No MathML for it: the caller keeps the TeX, as before."""
    assert tex_to_mathml(tex) is None


def test_fallback_keeps_the_formula_for_mathjax() -> None:
    """In a field, an unconvertible formula is the arithmatex span (the page's MathJax marker follows from it)
    while its neighbours are MathML: never lost, never a traceback."""
    out = latex_to_html(r"$a$ and $\foo{b}$")
    assert out.startswith('<math display="inline">')
    assert out.endswith(r' and <span class="arithmatex">\(\foo{b}\)</span>')


def test_math_alphabets_become_unicode_letters() -> None:
    """Chromium draws only mathvariant="normal", so bold and the other styles are Unicode's math letters."""
    bold = tree(tex_to_mathml(r"\boldsymbol{x} \mathbf{W}"))
    assert [mi.text for mi in bold.iter("mi")] == ["𝒙", "𝐖"]
    assert all(mi.get("mathvariant") is None for mi in bold.iter("mi"))
    assert [mi.text for mi in tree(tex_to_mathml(r"\mathbb{R}^n")).iter("mi")] == ["ℝ", "n"]
    assert [mi.text for mi in tree(tex_to_mathml(r"\boldsymbol{\alpha} \mathtt{x1}")).iter("mi")] == ["𝜶", "𝚡"]
    upright = tree(tex_to_mathml(r"\mathrm{width}"))
    assert upright.find(".//mi").get("mathvariant") == "normal"


def test_plain_text_uses_keep_the_tex() -> None:
    """Search text (plain_text of the HTML) shows the TeX between \\( \\) as before; latex_to_text keeps $...$."""
    field = r"Rank $r<k$ and $$\frac{1}{2}$$"
    assert plain_text(latex_to_html(field)) == r"Rank \(r<k\) and \[\frac{1}{2}\]"
    assert latex_to_text(field) == r"Rank $r<k$ and $$\frac{1}{2}$$"
    assert mathml_to_tex("no math") == "no math"


OWN = re.compile(r"<math .*?</math>", re.S)
PIECES = ["$", "$$", "\\", "{", "}", "^", "_", "x", "1", "<", "&", '"', "\\frac", "\\text", "\\href",
          "\\mathbf", "\\left(", "\\right)", "\\begin{matrix}", "\\end{matrix}", "\\\\", " ", "\\alpha"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_random_tex_gives_only_allowed_mathml(text: str) -> None:
    """Whatever the TeX, every formula written is well-formed MathML of allowed elements and attributes only."""
    for formula in OWN.findall(latex_to_html(text)):
        root = tree(formula)
        for element in root.iter():
            assert element.tag in ELEMENTS | {"semantics", "annotation"}, formula
            assert set(element.attrib) <= ATTRIBUTES | {"encoding", "data-search-exclude"}, formula


@pytest.mark.parametrize("tex", [r"\alpha", r"\mathbb{R}^d", r"x^2 + y_i", r"\frac{a}{b}", r"\left(\frac{1}{2}\right)"])
def test_compact_formulas_draw_the_same_without_the_search_text(tex: str) -> None:
    """compact_mathml keeps exactly the drawn MathML of an inline formula inside <math>, and drops the TeX
    annotation and the default attributes; surrounding text is kept."""
    full = tex_to_mathml(tex)
    assert full is not None
    compact = compact_mathml(f"A {full} B")
    drawn = re.search(r"<semantics><(mpadded|mstyle|mrow)[^>]*>(.*)</\1><annotation", full, re.S)
    assert drawn is not None
    assert compact == f"A <math>{drawn[2]}</math> B"
    assert "annotation" not in compact and len(compact) < len(full)


def test_display_formulas_and_plain_text_are_left_alone() -> None:
    block = tex_to_mathml(r"\sum_i x_i", display=True)
    assert block is not None
    assert compact_mathml(block) == block
    assert compact_mathml("no math & <b>markup</b>") == "no math & <b>markup</b>"
