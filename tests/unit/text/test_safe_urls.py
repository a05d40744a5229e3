"""Tests of labbook.text.safe_urls: which links from data are allowed, and ids that become paths."""

from __future__ import annotations

import pytest

from labbook.text.safe_urls import check_url, is_site_relative
from labbook.text.slugs import slugify


@pytest.mark.parametrize("url", [
    "https://example.org/a?b=1", "http://example.org", "mailto:someone@example.org", "papers/x.pdf",
    "/abs/path", "#anchor", "../up.html",
])
def test_allowed_links(url: str) -> None:
    """http, https, mailto and relative URLs pass unchanged."""
    assert check_url(url) == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "data:text/html,<script>", "vbscript:msgbox", "file:///etc/passwd",
    "//evil.example/x", "\\\\evil\\share", "https://", "", "   ",
])
def test_refused_links(url: str) -> None:
    """Script-running schemes (also when hidden by case, spaces or control characters), other schemes,
    protocol-relative URLs and empty values are refused."""
    assert check_url(url) is None


@pytest.mark.parametrize(("key", "slug"), [
    ("../../etc/x", "etc-x"),
    ("..", "entry"),
    (".", "entry"),
    ("/etc/passwd", "etc-passwd"),
    ("a\\b", "a-b"),
    ("CON", "con-entry"),
    ("nul", "nul-entry"),
    ("com1", "com1-entry"),
    ("学习", "entry"),
    ("Müller2020", "muller2020"),
    ("x" * 300, "x" * 80),
])
def test_hostile_keys_become_safe_slugs(key: str, slug: str) -> None:
    """Keys that would escape a folder, name a Windows device, or have no ASCII at all become safe slugs."""
    assert slugify(key, fallback="entry") == slug


def test_slugs_are_one_path_segment() -> None:
    """Whatever the input, a slug has no separator, no dot-dot and only [a-z0-9_-]."""
    for key in ["../../..", "a/../../b", "~root", "C:\\Windows", "\x00\x01", " ", "a" * 1000, "é/è"]:
        slug = slugify(key)
        assert slug and len(slug) <= 80 and ".." not in slug
        assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_")


@pytest.mark.parametrize(("url", "relative"), [
    ("files/cv.pdf", True), ("./files/cv.pdf", True), ("cv.pdf?v=2", True),
    ("https://example.org/x", False), ("HTTPS://example.org/x", False), ("mailto:a@example.org", False),
    ("/files/cv.pdf", False), ("#section", False),
])
def test_is_site_relative(url: str, relative: bool) -> None:
    """Only a path without a scheme, not from the host's root and not a fragment, needs the page's base."""
    assert is_site_relative(url) is relative


@pytest.mark.parametrize("url", [
    "/\\evil.example/x", "\\/evil.example/x", "\\\\evil.example", "/\t/evil.example/x", "/\n\\evil.example",
    " /\\evil.example", "\\\t\\evil.example", "/\x00/evil.example", "\t//evil.example",
])
def test_backslash_and_hidden_protocol_relative_links_are_refused(url: str) -> None:
    """Item 6 of issue 10: browsers read ``\\`` as ``/`` and drop tabs and newlines, so ``/\\host`` and
    every such spelling of ``//host`` reaches another host; all are refused like ``//host``."""
    assert check_url(url) is None


def test_a_backslash_path_is_not_site_relative() -> None:
    """Item 6 of issue 10: ``\\files\\x`` is read as ``/files/x`` by browsers, so no page base goes in front."""
    assert not is_site_relative("\\files\\x.pdf")
