"""Checks every value read from a data file passes: no invisible control characters (they are removed), no
TeX that MathJax would let out of the formula, no field past the size limit. Each is a diagnostic with the
value's file and line (see :mod:`labbook.text.control_chars`, :mod:`labbook.text.math_safety`,
:mod:`labbook.load.limits`)."""

from __future__ import annotations

from collections.abc import MutableMapping

import yaml

from labbook.diagnostics import Report
from labbook.load.limits import TooLarge
from labbook.text.control_chars import describe, first_forbidden, strip_forbidden
from labbook.text.math_safety import UNSAFE_MATH_HINT, unsafe_math, unsafe_math_message

_RETYPE = "retype the text around it (copying from a PDF or a web page can bring one in)"


def checked_bib_key(key: str, path: str, line: int, report: Report) -> str:
    """An entry's key without control characters (each removal reported)."""
    if (bad := first_forbidden(key)) is None:
        return key
    report.error(path, line, "bib-control-char",
                 f"the key of entry '{key}' holds the invisible character {describe(bad[1])}; it was removed",
                 hint=_RETYPE)
    return strip_forbidden(key)


def checked_bib_value(value: str, key: str, field: str, path: str, line: int, report: Report) -> str:
    """A field's value without control characters; those and unsafe TeX are reported at the field's line."""
    if (bad := first_forbidden(value)) is not None:
        report.error(path, line, "bib-control-char",
                     f"entry '{key}': field '{field}' holds the invisible character {describe(bad[1])}; it was removed",
                     hint=_RETYPE)
        value = strip_forbidden(value)
    if problems := unsafe_math(value):
        report.error(path, line, "bib-unsafe-math", f"entry '{key}': field '{field}' " + unsafe_math_message(problems),
                     hint=UNSAFE_MATH_HINT)
    return value


def report_bib_too_large(big: TooLarge, entry_key: str | None, macros: MutableMapping[str, str], path: str,
                         line: int, report: Report) -> None:
    """Report a field or ``@string`` past :data:`~labbook.load.limits.MAX_FIELD_CHARS` (the entry is skipped;
    the macro is defined empty, so that its uses do not add an error each), or a whole file past its budget."""
    if big.what == "file":
        report.error(path, line, "bib-too-large", f"the file expands to more than {big.limit:,} characters"
                     " (through @string concatenation); it is read only up to here",
                     hint="@string macros that concatenate each other grow with every level: remove them")
        return
    if entry_key is None and big.what != "value":  # an @string definition (not @preamble)
        macros[big.what] = ""
        what, outcome = f"the @string '{big.what}'", "the macro is left empty"
    else:
        what, outcome = f"field '{big.what}' of entry '{entry_key or '?'}'", "the entry is skipped"
    report.error(path, line, "bib-too-large", f"{what} expands to more than {big.limit:,} characters; {outcome}",
                 hint="@string macros that concatenate each other grow with every level: write the value out")


class ScalarChecks:
    """Collects the YAML scalars (keys and values) with control characters or unsafe TeX while a file's
    data is built, and reports each once (an alias repeats a node, not its problem)."""

    def __init__(self) -> None:
        self.forbidden: dict[int, tuple[yaml.Node, str]] = {}
        self.unsafe_math: dict[int, tuple[yaml.Node, str]] = {}

    def clean(self, node: yaml.ScalarNode) -> str:
        """The scalar's text, without control characters."""
        value = str(node.value)
        if problems := unsafe_math(value):
            self.unsafe_math[id(node)] = (node, "this value " + unsafe_math_message(problems))
        # A quoted scalar can spell any character with an escape ("\\x01", "\\e", "\\ud800"); none may stay.
        if (bad := first_forbidden(value)) is None:
            return value
        self.forbidden[id(node)] = (node, bad[1])
        return strip_forbidden(value)

    def report(self, path: str, report: Report) -> None:
        """Add a diagnostic for every scalar collected."""
        for node, char in self.forbidden.values():
            report.error(path, node.start_mark.line + 1, "yaml-control-char",
                         f"this value holds the invisible character {describe(char)} (written as an escape in"
                         " quotes, such as \"\\x01\" or \"\\e\"); it was removed", column=node.start_mark.column + 1,
                         hint="remove the escape: data files hold printable text")
        for node, message in self.unsafe_math.values():
            report.error(path, node.start_mark.line + 1, "yaml-unsafe-math", message,
                         column=node.start_mark.column + 1, hint=UNSAFE_MATH_HINT)
