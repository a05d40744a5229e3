"""share_image: the first candidate a link preview can show."""

from __future__ import annotations

from labbook.exports.social_meta import share_image


def test_first_usable_candidate() -> None:
    assert share_image([None, "", "img/group.jpg", "logo.png"]) == "img/group.jpg"
    assert share_image(["logo.svg", "https://x.org/a.SVG?v=1", "logo.png"]) == "logo.png"
    assert share_image([None, "logo.svg"]) is None
    assert share_image([]) is None
