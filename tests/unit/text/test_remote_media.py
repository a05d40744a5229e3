"""Images from other hosts in data are reported and not loaded unless the site allows the host (item 8 of
issue 10)."""

from __future__ import annotations

import pytest

from labbook.text.markdown_text import MarkdownText


def _none(kind: str, ref: str) -> str | None:
    return None


@pytest.mark.parametrize("src", ["https://tracker.example/p.png", "http://tracker.example/p.png",
                                 "HTTPS://Tracker.Example/p.png",
                                 "https://user@tracker.example:8443/p.png"])
def test_a_remote_image_is_reported_and_shown_as_a_link(src: str) -> None:
    """Item 8 of issue 10: ``![p](https://tracker.example/p.png)`` makes no <img>; the reader gets a link
    (nothing is lost) and the editor a ``remote-media`` problem that says to copy the file into docs/."""
    out = MarkdownText().render(f"Look ![p]({src}) here", _none)
    assert "<img" not in out.html
    assert 'class="lb-remote-media"' in out.html and ">p</a>" in out.html
    [problem] = out.problems
    assert problem.code == "remote-media" and "tracker.example" in problem.message
    assert "copy the file into docs/" in problem.hint


def test_images_of_the_site_itself_still_load() -> None:
    """Relative and root-relative images are the site's own files: loaded, nothing reported."""
    out = MarkdownText().render("![a](img/a.png) ![b](/img/b.png)", _none)
    assert out.html.count("<img") == 2 and out.problems == []


def test_allowed_hosts_load() -> None:
    """Item 8 of issue 10: a host the site lists in ``remote_media`` is loaded as before."""
    out = MarkdownText(("tracker.example",)).render("![p](https://tracker.example/p.png)", _none)
    assert '<img alt="p" src="https://tracker.example/p.png"' in out.html and out.problems == []


@pytest.mark.parametrize(("host", "allowed", "ok"), [
    ("images.example.org", ["images.example.org"], True),
    ("a.images.example.org", ["*.example.org"], True),
    ("example.org", ["*.example.org"], False),
    ("evilexample.org", ["*.example.org"], False),
    ("images.example.org.evil.test", ["images.example.org"], False),
    ("images.example.org", [], False),
])
def test_host_matching(host: str, allowed: list[str], ok: bool) -> None:
    """Exact names, and ``*.name`` for subdomains only; nothing else matches."""
    from labbook.text.remote_media import host_allowed

    assert host_allowed(host, allowed) is ok


def test_only_other_hosts_are_refused() -> None:
    """A relative path, a path from the root and a mailto: link load nothing from another host."""
    from labbook.text.remote_media import refused_remote

    assert [refused_remote(u, []) for u in ["img/a.png", "/a.png", "mailto:x@example.org"]] == [None] * 3
    assert refused_remote("https://cdn.example/x.png", []) == "cdn.example"
