"""labbook.site.layout: a side column with one entry or none is hidden, a useful one stays."""

from __future__ import annotations

import pytest

from labbook.site.layout import hidden_columns


@pytest.mark.parametrize(("sidebar", "toc", "expected"), [
    (0, 0, ["navigation", "toc"]),
    (1, 1, ["navigation", "toc"]),
    (1, 5, ["navigation"]),
    (7, 0, ["toc"]),
    (2, 2, []),
])
def test_hidden_columns(sidebar: int, toc: int, expected: list[str]) -> None:
    assert hidden_columns(sidebar_entries=sidebar, toc_entries=toc) == expected
