"""People's photos in a real build: thumbnails with srcset and sizes, lazy cards, no EXIF anywhere in the site."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.unit.site.test_photos import has_metadata, phone_photo

pytestmark = pytest.mark.slow

PEOPLE = """\
- id: ana-kim
  name: Ana Kim
  role: phd
  photo: img/ana.jpg
- id: bo-li
  name: Bo Li
  role: alumni
  now: Research scientist at Example Labs
"""


def test_photos_become_thumbnails_and_no_built_image_has_exif(make_site) -> None:
    build = make_site({"data/people.yml": PEOPLE, "docs/img/ana.jpg": phone_photo()},
                      extra_config={"site_url": "https://lab.example.org/"})
    card = BeautifulSoup(build.html("people/index.html"), "html.parser").select_one("img.lb-photo")
    assert card["loading"] == "lazy" and card["width"] == card["height"] == "64"
    assert card["src"].endswith(".webp") and " 2x" in card["srcset"]
    assert (build.site / "people" / card["src"]).resolve().is_file()
    profile = BeautifulSoup(build.html("people/ana-kim/index.html"), "html.parser")
    large = profile.select_one("img.lb-photo-large")
    assert large["width"] == "160" and large.get("fetchpriority") == "high" and not large.get("loading")
    og_image = profile.select_one("meta[property='og:image']")["content"]
    assert og_image.startswith("https://lab.example.org/assets/labbook/people/ana-kim-320-")
    images = [p for p in build.site.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"}
              and "assets/images" not in p.as_posix()]
    assert len(images) >= 5  # the original and four thumbnails
    for path in images:
        data = path.read_bytes()
        assert not has_metadata(data), path
        assert b"PhoneMaker" not in data, path
    with Image.open(io.BytesIO((build.site / "img" / "ana.jpg").read_bytes())) as original:
        assert original.size == (600, 800)


def test_initials_stand_in_without_a_photo_and_alumni_say_where_they_went(make_site) -> None:
    build = make_site({"data/people.yml": PEOPLE, "docs/img/ana.jpg": phone_photo()})
    soup = BeautifulSoup(build.html("people/index.html"), "html.parser")
    assert [s.get_text() for s in soup.select(".lb-photo-placeholder")] == ["BL"]
    assert "Research scientist at Example Labs" in soup.get_text()


def test_group_photo_on_the_people_page(make_site) -> None:
    """`group_photo` puts a resized, metadata-free copy at the top of /people/, with its size given."""
    build = make_site({"data/people.yml": PEOPLE, "docs/img/ana.jpg": phone_photo(),
                       "docs/img/group.jpg": phone_photo(1200, 800)}, labbook={"group_photo": "img/group.jpg"})
    soup = BeautifulSoup(build.html("people/index.html"), "html.parser")
    img = soup.select_one("h1 ~ figure.lb-group-photo img")
    assert img["width"] == "800" and img["height"] == "1200" and img["alt"]
    assert not has_metadata((build.site / "img" / "group.jpg").read_bytes())


def test_a_missing_group_photo_stops_the_build(make_site) -> None:
    result = make_site({"data/people.yml": PEOPLE}, labbook={"group_photo": "img/nope.jpg"}, expect_ok=False)
    assert result.returncode != 0 and "group_photo" in result.log and "Traceback" not in result.log
