"""Control characters never reach output and never pose as labbook's internal markers (item 4 of issue 10)."""

from __future__ import annotations

from markupsafe import Markup

from labbook.diagnostics import Report
from labbook.load.bibtex import parse_bibtex
from labbook.load.yaml import parse_yaml
from labbook.render.environment import Renderer
from labbook.text.markdown_text import with_base


def test_esc_outside_a_link_never_becomes_the_base_path() -> None:
    """Item 4 of issue 10: only the mark that opens an href/src value is replaced by the page's base; an ESC
    in text (from any source) is dropped, not turned into "../"."""
    html = '<p>Before\x1bAfter</p><a href="\x1bpeople/x/">x</a><img src="\x1bimg/a.png">'
    assert with_base(html, "../") == '<p>BeforeAfter</p><a href="../people/x/">x</a><img src="../img/a.png">'


def test_templates_strip_control_characters_from_plain_values(tmp_path) -> None:
    """Item 4 of issue 10: a plain string from any source loses its control characters in every template;
    rendered HTML (Markup, which carries the link marks) is left alone."""
    (tmp_path / "t.html").write_text("{{ plain }}|{{ html }}", encoding="utf-8")
    out = Renderer([tmp_path]).render("t.html", plain="a\x1bb\x00c\ufffe\ud800", html=Markup('<a href="\x1bx">'))
    assert out == 'abc|<a href="\x1bx">'


def test_bibtex_and_yaml_values_lose_them_with_a_diagnostic() -> None:
    """Item 4 of issue 10: raw in a .bib field or key, or escaped in a quoted YAML value (``\\e``, ``\\x01``,
    ``\\0``, ``\\uFFFE``, ``\\ud800``, also in a key), each is an error at its line and is removed."""
    report = Report()
    [entry] = parse_bibtex("@article{k\x01ey,\n  title = {A\x1b[31mB\x00C\ufffe},\n  year = 2020\n}\n", "p.bib",
                           report)
    assert entry.key == "key" and entry.fields["title"].value == "A[31mBC"
    doc = parse_yaml('- id: a\n  name: "x\\x01y\\ez\\0 \\uFFFE\\ud800."\n  "k\\x02": 1\n', "p.yml", report)
    assert doc is not None and doc.data == [{"id": "a", "name": "xyz .", "k": "1"}]
    assert [(d.path, d.line, d.code) for d in report] == [
        ("p.bib", 1, "bib-control-char"), ("p.bib", 2, "bib-control-char"),
        ("p.yml", 2, "yaml-control-char"), ("p.yml", 3, "yaml-control-char")]
