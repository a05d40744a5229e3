"""Tests of labbook's public surface: ``labbook.__all__`` and the one version."""

from __future__ import annotations

from importlib import metadata

import labbook


def test_every_public_name_resolves() -> None:
    """Each name in ``__all__`` is importable from ``labbook`` and is the object its module defines."""
    for name in labbook.__all__:
        assert getattr(labbook, name) is not None, name
    assert labbook.load_lab.__module__ == "labbook.catalog.build"


def test_version_has_one_source() -> None:
    """The installed distribution's version is ``labbook.__version__`` (pyproject reads it from there)."""
    assert metadata.version("mkdocs-labbook") == labbook.__version__


def test_all_and_the_lazy_table_agree() -> None:
    """``__all__`` lists exactly the lazily imported names and the version."""
    assert set(labbook.__all__) == {"__version__", *labbook._EXPORTS}
