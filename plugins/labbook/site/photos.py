"""People's photos for the site: square thumbnails at 1x and 2x, with the camera's metadata gone.

A ``photo`` in people.yml that names an image file in the site (``img/ana.jpg``, under docs_dir) becomes WebP
thumbnails under ``assets/labbook/people/``, cropped square around the centre after the camera's rotation is
applied, at each size a page shows (a card's 64 px and a profile's 160 px, each also at twice that for sharp
screens), never larger than the original. Pillow writes no EXIF, XMP or ICC data unless asked to, so the
thumbnails carry none of the photo's metadata (GPS position, camera serial, time): a phone photo's location is
personal data. The original file, which MkDocs copies into the site as it is, is replaced by a copy without
that metadata too.

A photo that is a URL, a file that is missing or not an image keeps the plain ``<img>`` of before; the image is
never what stops a build.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from labbook.text.slugs import slugify

#: Where thumbnails go in the built site.
PHOTO_DIR = "assets/labbook/people"

#: The sizes (CSS pixels) at which pages show a photo: a card's and a profile's.
SIZES: Mapping[str, int] = {"small": 64, "large": 160}

#: WebP quality: small faces stay sharp at a few kilobytes each.
QUALITY = 82


@dataclass(frozen=True)
class Thumbnails:
    """The thumbnails of one photo: for each size name, (site path at 1x, site path at 2x or None, px)."""

    sizes: dict[str, tuple[str, str | None, int]]
    files: dict[str, bytes]
    height: int | None = None

    def view(self) -> dict[str, dict[str, object]]:
        """For templates: per size, ``src`` and ``src2`` (root-relative paths at 1x and 2x, the caller adds the
        base), ``px`` (the 1x width) and ``height`` (for a banner; thumbnails are square)."""
        return {name: {"src": one, "src2": two, "px": px, "height": self.height or px}
                for name, (one, two, px) in self.sizes.items()}


def thumbnails(source: Path, person_id: str) -> Thumbnails | None:
    """Thumbnails of the image at ``source`` for person ``person_id``, or ``None`` if it is not a readable image."""
    try:
        data = source.read_bytes()
    except OSError:
        return None
    return _thumbnails(hashlib.sha256(data).hexdigest(), data, slugify(person_id))


def strip_metadata(data: bytes) -> bytes | None:
    """The image ``data`` re-encoded in its own format without EXIF, XMP or comments (orientation applied), or
    ``None`` when it cannot be read."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            fmt = opened.format or "PNG"
            image = ImageOps.exif_transpose(opened)
            out = io.BytesIO()
            if fmt == "JPEG":
                image.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
            else:
                image.save(out, fmt)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


#: Widths of a group photo at 1x and 2x (it spans the content column, about 960 CSS px at most).
BANNER_WIDTHS = (960, 1920)


def banner(source: Path, stem: str) -> Thumbnails | None:
    """A wide photo (the group photo) at :data:`BANNER_WIDTHS`, aspect kept, WebP, no metadata; its one size is
    ``"banner"`` and ``px`` is the 1x width (the view adds ``height``)."""
    try:
        data = source.read_bytes()
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    tag = hashlib.sha256(data).hexdigest()[:10]
    files: dict[str, bytes] = {}
    paths: list[str] = []
    for width in BANNER_WIDTHS:
        target = min(width, image.width)
        path = f"{PHOTO_DIR}/{slugify(stem)}-{target}-{tag}.webp"
        if path in files:
            break
        out = io.BytesIO()
        image.resize((target, round(image.height * target / image.width)), Image.Resampling.LANCZOS).save(
            out, "WEBP", quality=QUALITY)
        files[path] = out.getvalue()
        paths.append(path)
    first = min(BANNER_WIDTHS[0], image.width)
    sizes = {"banner": (paths[0], paths[1] if len(paths) > 1 else None, first)}
    return Thumbnails(sizes, files, height=round(image.height * first / image.width))


@lru_cache(maxsize=512)
def _thumbnails(digest: str, data: bytes, stem: str) -> Thumbnails | None:
    # Keyed by the content's digest: `mkdocs serve` resizes a photo again only when the file changed.
    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    side = min(image.size)
    square = ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)
    tag = digest[:10]  # in the file name, so a changed photo is never served from a reader's cache
    sizes: dict[str, tuple[str, str | None, int]] = {}
    files: dict[str, bytes] = {}
    for name, px in SIZES.items():
        paths: list[str] = []
        for scale in (1, 2):
            target = min(px * scale, side)
            if scale == 2 and target <= px:
                break  # the original is too small for a sharper copy
            path = f"{PHOTO_DIR}/{stem}-{target}-{tag}.webp"
            if path not in files:
                out = io.BytesIO()
                square.resize((target, target), Image.Resampling.LANCZOS).save(out, "WEBP", quality=QUALITY)
                files[path] = out.getvalue()
            paths.append(path)
        sizes[name] = (paths[0], paths[1] if len(paths) > 1 else None, px)
    return Thumbnails(sizes, files)
