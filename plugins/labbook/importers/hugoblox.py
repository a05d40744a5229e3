"""Hugo Blox."""

from __future__ import annotations

from pathlib import Path

from labbook.importers.common import Context


def not_a_site(source: Path) -> str | None:
    """Why ``source`` is not a Hugo Blox site (None when it is one)."""
    return None


def import_site(ctx: Context) -> None:
    """Import a Hugo Blox site."""
