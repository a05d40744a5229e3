"""labbook.site.citation_store: only markup citeproc-py's HTML formatter makes is taken from a cache file."""

from __future__ import annotations

import pytest

from labbook.site.citation_store import plausible_citation


@pytest.mark.parametrize("html", [
    "Lee, K. (2023). <i>Learning Things</i>. ICML, 5&#8211;9.",
    'K. Lee, “Learning &amp; Things,” <span style="font-variant:small-caps;">icml</span>, <b>12</b>, x<sup>2</sup>',
    "",
])
def test_formatter_markup_is_accepted(html: str) -> None:
    assert plausible_citation(html)


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<span style="background:url(javascript:alert(1))">x</span>',
    "<i onclick=alert(1)>x</i>",
    "a > b",
    "<a href='https://evil.example'>x</a>",
])
def test_anything_else_is_refused(html: str) -> None:
    assert not plausible_citation(html)
