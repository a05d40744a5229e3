"""TeX commands in a BibTeX entry's text fields that the LaTeX conversion does not know.

Such a command is dropped and its argument kept as text (``\\\\foo{bar}`` shows "bar"), which is right for most
font and layout commands and wrong for a macro the lab defined in its LaTeX preamble; the editor is told so,
at the field's line, instead of the command vanishing without a word.
"""

from __future__ import annotations

from labbook.diagnostics import Report
from labbook.model.bib_entry import RawEntry
from labbook.text.latex import unknown_commands

#: Fields whose TeX is shown as text (names, titles, venues, abstracts, notes).
TEXT_FIELDS = ("title", "author", "editor", "journal", "booktitle", "school", "institution", "howpublished",
               "publisher", "organization", "series", "abstract", "note", "additional_info", "award", "award_name",
               "abbr", "keywords", "topics")


def check_tex_commands(raw: RawEntry, report: Report) -> None:
    """Warn once per text field of ``raw`` (its own fields, not inherited ones) that uses unknown commands."""
    for name in TEXT_FIELDS:
        value = raw.get(name)
        if "\\" not in value or name in raw.inherited:
            continue
        commands = unknown_commands(value)
        if commands:
            shown = ", ".join("\\" + command for command in commands)
            report.warning(raw.path, raw.line_of(name), "bib-unknown-command",
                           f"entry '{raw.key}': {name} uses {shown}, which labbook cannot show; the command is left"
                           " out and the text in its braces is kept",
                           hint="write the text without the command (a macro from a LaTeX preamble means nothing"
                                " on the web), or use Unicode characters")
