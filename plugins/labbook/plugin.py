"""The MkDocs plugin under its historical import path; it lives in :mod:`labbook.mkdocs.plugin`."""

from __future__ import annotations

from labbook.mkdocs.plugin import LabbookPlugin

__all__ = ["LabbookPlugin"]
