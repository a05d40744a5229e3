"""Issue 10, item 15: double accents, unknown commands (reported, text kept), and \\vphantom."""

from __future__ import annotations

import pytest

from labbook.diagnostics import Report
from labbook.load.bibtex import merge_and_resolve, parse_bibtex
from labbook.load.entries import build_publication
from labbook.text.latex import latex_to_html, latex_to_text, strip_tex_for_sort, unknown_commands


@pytest.mark.parametrize("tex", [r"Nguy{\~\^e}n", r"Nguy\~\^en", r"Nguy{\~\^{e}}n", r"Nguy{\~{\^e}}n",
                                 r"Nguy{\~{\^{e}}}n"])
def test_double_accents_keep_both_marks(tex: str) -> None:
    """Item 15: `Nguy{\\~\\^e}n` is Nguyễn (the tilde used to be lost)."""
    assert latex_to_text(tex) == "Nguyễn"
    assert latex_to_html(tex) == "Nguyễn"
    assert strip_tex_for_sort(tex) == "nguyen"


def test_double_accent_with_a_letter_accent_command() -> None:
    """Item 15: a letter command accent (\\u, \\v ...) stacks the same way: Tr\\'\\u{a}n."""
    assert latex_to_text(r"\'\u{a}") == "ắ"


@pytest.mark.parametrize(("tex", "text"), [(r"a\vphantom{Xg}b", "ab"), (r"\phantom{000}12", "12"),
                                           (r"x\hspace{1em}y", "xy"), (r"A\hphantom{B}", "A")])
def test_invisible_arguments_are_dropped(tex: str, text: str) -> None:
    """Item 15: \\vphantom{} (and its kin) only make room on paper; their argument is not text."""
    assert latex_to_text(tex) == text and latex_to_html(tex) == text


def test_unknown_commands_are_listed_and_their_text_kept() -> None:
    """Item 15: an unknown command keeps the text of its argument and is listed; math and typesetting
    commands are not."""
    assert latex_to_text(r"\mymacro{Deep} Nets \textsc{Small}") == "Deep Nets Small"
    assert unknown_commands(r"\mymacro{Deep} Nets \textsc{Small} $\mathcal{O}(n)$ \emph{x} \'e") == ("mymacro",)
    assert unknown_commands("no commands") == ()


def test_unknown_command_in_a_field_is_warned_at_its_line() -> None:
    """Item 15: the warning names the entry, the field and the command, at the field's line."""
    report = Report()
    text = "@article{k,\n  author = {Doe, J},\n  title = {\\sysname{}: Fast \\textbf{Nets}},\n  year = 2020\n}\n"
    raws = merge_and_resolve([parse_bibtex(text, "pubs.bib", report)], report)
    pub = build_publication(raws[0], 0, report)
    (diag,) = report.problems
    assert (diag.code, diag.line, diag.severity.value) == ("bib-unknown-command", 3, "warning")
    assert "\\sysname" in diag.message and "entry 'k'" in diag.message
    assert pub.title_text == ": Fast Nets"
