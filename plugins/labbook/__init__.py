"""labbook: a research lab's website and handbook from its BibTeX and YAML files.

The MkDocs plugin is ``labbook.mkdocs.plugin:LabbookPlugin`` (also importable as ``labbook.plugin``), the
mkdocs-macros module is ``labbook.macros`` and the command line is ``labbook`` (``labbook.cli``). The names below
are the core's small public surface, for scripts and other site generators::

    from labbook import load_lab, settings_from_options

    settings = settings_from_options({}, config_file="mkdocs.yml", docs_dir="docs")
    lab = load_lab(settings)
    for problem in lab.report:
        print(problem.format_text())

They are imported on first use, so ``import labbook`` (and reading ``__version__``) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

#: The one source of the package version (pyproject.toml reads it; release tags are ``v<version>``).
__version__ = "0.1.0"

#: Public name -> the module that defines it.
_EXPORTS = {
    "Diagnostic": "labbook.diagnostics",
    "Lab": "labbook.catalog.lab",
    "Options": "labbook.options",
    "Report": "labbook.diagnostics",
    "Settings": "labbook.settings",
    "Severity": "labbook.diagnostics",
    "load_lab": "labbook.catalog.build",
    "settings_from_options": "labbook.settings",
}

__all__ = [
    "Diagnostic",
    "Lab",
    "Options",
    "Report",
    "Settings",
    "Severity",
    "__version__",
    "load_lab",
    "settings_from_options",
]

if TYPE_CHECKING:
    from labbook.catalog.build import load_lab
    from labbook.catalog.lab import Lab
    from labbook.diagnostics import Diagnostic, Report, Severity
    from labbook.options import Options
    from labbook.settings import Settings, settings_from_options


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'labbook' has no attribute {name!r}")
