"""labbook: a research lab's website and handbook from its BibTeX and YAML files.

The MkDocs plugin is ``labbook.mkdocs.plugin:LabbookPlugin`` (also importable as ``labbook.plugin``); the
mkdocs-macros module is ``labbook.macros``; the
command line is ``labbook`` (``labbook.cli``).
"""

from __future__ import annotations

#: The one source of the package version (pyproject.toml reads it; release tags are ``v<version>``).
__version__ = "0.1.0"

__all__ = ["__version__"]
