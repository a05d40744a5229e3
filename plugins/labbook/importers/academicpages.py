"""academicpages (Jekyll)."""

from __future__ import annotations

from pathlib import Path

from labbook.importers.common import Context


def not_a_site(source: Path) -> str | None:
    """Why ``source`` is not an academicpages site (None when it is one)."""
    return None


def import_site(ctx: Context) -> None:
    """Import an academicpages site."""
