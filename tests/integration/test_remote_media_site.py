"""Remote images in data in a real build: reported, not loaded, unless the site opts in (item 8 of issue 10)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow

PEOPLE = """\
- id: jane-doe
  name: Jane Doe
  role: phd
  photo: https://tracker.example/jane.jpg
  bio: |
    Works on things.
    ![p](https://tracker.example/p.png)
"""
NEWS = "- date: 2024-03-01\n  title: Pixel\n  text: \"![x](https://cdn.other.example/x.gif) news\"\n"


def _remote_sources(result) -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in result.site.rglob("*.html")]
    return [src for html in pages for src in re.findall(r'<img[^>]*\ssrc="([^"]*)"', html) if "example" in src]


def test_remote_images_are_reported_and_not_loaded(make_site) -> None:
    """Item 8 of issue 10: no page loads an image from another host; each one is a warning with its file and
    line that tells the editor to copy the file into docs/; the Markdown image stays as a link."""
    result = make_site({"data/people.yml": PEOPLE, "data/news.yml": NEWS}, strict=False)
    assert _remote_sources(result) == []
    log = result.log
    assert "data/people.yml:4:3: warning: photo: 'https://tracker.example/jane.jpg' would be loaded from" \
           " tracker.example" in log
    assert "data/people.yml:7:10: warning: bio: the image 'https://tracker.example/p.png'" in log
    assert "data/news.yml:3:" in log and "cdn.other.example" in log
    assert "copy the file into docs/" in log
    assert 'href="https://tracker.example/p.png"' in result.html("people/jane-doe/index.html")
    strict = make_site({"data/people.yml": PEOPLE, "data/news.yml": NEWS}, expect_ok=False)
    assert strict.returncode != 0


def test_listed_hosts_are_loaded(make_site) -> None:
    """Item 8 of issue 10: with ``remote_media: [tracker.example, "*.other.example"]`` the images load and
    nothing is reported."""
    result = make_site({"data/people.yml": PEOPLE, "data/news.yml": NEWS},
                       labbook={"remote_media": ["tracker.example", "*.other.example"]})
    assert set(_remote_sources(result)) == {"https://tracker.example/jane.jpg", "https://tracker.example/p.png",
                                            "https://cdn.other.example/x.gif"}
    assert "remote-media" not in result.log
