"""Open Graph and Twitter images: a generated page without an image of its own (a paper without ``preview``, a
list page) shows the site's image in shared links: the landing page's hero image, else ``group_photo``, else the
theme's logo (not an SVG one); a site with none of them writes no og:image."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.unit.site.test_photos import phone_photo

pytestmark = pytest.mark.slow

BIB = """\
@article{kim2024,
  title = {A paper with no preview},
  author = {Kim, Ana},
  journal = {J},
  year = {2024},
}
@article{lee2023,
  title = {A paper with a preview},
  author = {Lee, Bo},
  journal = {J},
  year = {2023},
  preview = {lee.png},
}
"""
HOME = """\
---
template: labbook-home.html
hero:
  title: Test Lab
  image: img/hero.jpg
---

Text.
"""
SITE = {"site_url": "https://lab.example.org/"}
PAPERS = {"data/publications.bib": BIB, "docs/assets/img/publication_preview/lee.png": b"png"}


def images(build, path: str) -> tuple[str | None, str | None, str | None]:
    """og:image, twitter:image and twitter:card of a built page."""
    soup = BeautifulSoup(build.html(path), "html.parser")
    og = soup.select_one("meta[property='og:image']")
    tw = soup.select_one("meta[name='twitter:image']")
    card = soup.select_one("meta[name='twitter:card']")
    return (og["content"] if og else None, tw["content"] if tw else None, card["content"] if card else None)


def test_pages_without_their_own_image_share_the_hero_image(make_site) -> None:
    build = make_site({**PAPERS, "docs/index.md": HOME, "docs/img/hero.jpg": phone_photo(),
                       "docs/img/group.jpg": phone_photo(), "docs/img/logo.png": b"png"},
                      labbook={"group_photo": "img/group.jpg"},
                      extra_config={**SITE, "theme": {"name": "material", "logo": "img/logo.png"}})
    hero = "https://lab.example.org/img/hero.jpg"
    assert images(build, "publications/kim2024/index.html") == (hero, hero, "summary_large_image")
    assert images(build, "publications/index.html")[0] == hero
    # A paper's own preview still wins.
    own = images(build, "publications/lee2023/index.html")[0]
    assert own == "https://lab.example.org/assets/img/publication_preview/lee.png"


def test_group_photo_then_logo(make_site) -> None:
    build = make_site({**PAPERS, "docs/img/group.jpg": phone_photo()},
                      labbook={"group_photo": "img/group.jpg"}, extra_config=SITE)
    assert images(build, "publications/kim2024/index.html")[0] == "https://lab.example.org/img/group.jpg"
    build = make_site({**PAPERS, "docs/img/logo.png": b"png"},
                      extra_config={**SITE, "theme": {"name": "material", "logo": "img/logo.png"}})
    assert images(build, "publications/kim2024/index.html")[0] == "https://lab.example.org/img/logo.png"


def test_no_site_image_no_og_image(make_site) -> None:
    """An SVG logo is not shown by link previews, so it is not offered; the card stays a small summary."""
    build = make_site({**PAPERS, "docs/img/logo.svg": "<svg/>"},
                      extra_config={**SITE, "theme": {"name": "material", "logo": "img/logo.svg"}})
    assert images(build, "publications/kim2024/index.html") == (None, None, "summary")
