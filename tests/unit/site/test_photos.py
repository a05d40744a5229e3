"""labbook.site.photos: square WebP thumbnails at 1x and 2x, the camera's metadata gone, bad files harmless."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from labbook.site.photos import PHOTO_DIR, strip_metadata, thumbnails


def phone_photo(width: int = 800, height: int = 600) -> bytes:
    """A JPEG as a phone writes it: EXIF with a GPS position, a camera make and a rotation flag."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (43.0, 4.0, 30.0), 3: "W", 4: (89.0, 24.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def has_metadata(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif()) or "exif" in image.info or "xmp" in image.info


def test_the_fixture_really_has_gps_data() -> None:
    assert has_metadata(phone_photo())
    assert b"PhoneMaker" in phone_photo()


def test_thumbnails_are_square_webp_at_1x_and_2x_without_exif(tmp_path: Path) -> None:
    source = tmp_path / "ana.jpg"
    source.write_bytes(phone_photo())
    thumbs = thumbnails(source, "ana-kim")
    assert thumbs is not None
    view = thumbs.view()
    assert view["small"]["px"] == 64 and view["large"]["px"] == 160
    assert view["small"]["src"].startswith(f"{PHOTO_DIR}/ana-kim-64-") and view["small"]["src2"]
    for path, data in thumbs.files.items():
        assert path.endswith(".webp")
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "WEBP" and image.width == image.height
            assert str(image.width) in path
        assert not has_metadata(data) and b"PhoneMaker" not in data
    assert {Image.open(io.BytesIO(d)).width for d in thumbs.files.values()} == {64, 128, 160, 320}


def test_a_small_original_is_never_enlarged(tmp_path: Path) -> None:
    source = tmp_path / "tiny.png"
    Image.new("RGB", (100, 90), (0, 0, 255)).save(source)
    thumbs = thumbnails(source, "tiny")
    assert thumbs is not None
    view = thumbs.view()
    assert view["small"]["src2"] is not None  # 64 px and 90 px
    assert view["large"]["src2"] is None
    assert max(Image.open(io.BytesIO(d)).width for d in thumbs.files.values()) == 90


def test_strip_metadata_keeps_the_picture_and_applies_the_rotation() -> None:
    clean = strip_metadata(phone_photo(800, 600))
    assert clean is not None and not has_metadata(clean)
    with Image.open(io.BytesIO(clean)) as image:
        assert image.format == "JPEG" and image.size == (600, 800)  # the orientation flag was applied


@pytest.mark.parametrize("content", [b"", b"not an image", b"\x89PNG\r\n\x1a\n broken"])
def test_unreadable_files_give_none(tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "bad.jpg"
    source.write_bytes(content)
    assert thumbnails(source, "x") is None
    assert strip_metadata(content) is None
    assert thumbnails(tmp_path / "missing.jpg", "x") is None
