"""Copying the images and PDFs an imported site refers to, and giving their new address in the new site.

A reference is looked up where the template would look (relative to the content file, to the site root, and
in the template's asset folders); only files inside the source folder are ever read. Copies go to
``docs/assets/imported/<their path in the source>``. A reference to nothing is reported once, with its line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from labbook.importers.report import ImportReport
from labbook.importers.site import SiteWriter
from labbook.text.safe_urls import check_url

#: Where copies go, relative to ``docs/`` (and so to the built site's root).
ASSET_DIR = "assets/imported"
#: Files larger than this are not copied (a site is not a file store); the report says so.
MAX_BYTES = 50 * 1024 * 1024


class Assets:
    """Finds, copies and renames referenced files for one import."""

    def __init__(self, source: Path, writer: SiteWriter, report: ImportReport, search: tuple[str, ...] = ()) -> None:
        self.source = source.resolve()
        self.writer = writer
        self.report = report
        self.search = search
        self._done: dict[str, str | None] = {}
        self._reported: set[tuple[str, str]] = set()

    def find(self, ref: str, base: Path | None = None, extra: tuple[str, ...] = ()) -> Path | None:
        """The source file ``ref`` names, or None (never a file outside the source folder)."""
        clean = unquote(ref.split("#", 1)[0].split("?", 1)[0]).strip()
        if not clean or "\x00" in clean:
            return None
        rel = clean.lstrip("/")
        candidates: list[Path] = []
        if base is not None and not clean.startswith("/"):
            candidates.append(base / clean)
        candidates.append(self.source / rel)
        candidates += [self.source / folder / rel for folder in (*extra, *self.search)]
        for candidate in candidates:
            try:
                resolved = candidate.resolve()
            except (OSError, RuntimeError):
                continue
            if resolved.is_relative_to(self.source) and resolved.is_file():
                return resolved
        return None

    def copy(self, ref: str, origin: tuple[str, int], base: Path | None = None,
             extra: tuple[str, ...] = ()) -> str | None:
        """The new docs-relative path of the file ``ref`` (copied), the URL itself when it is external, or
        None when it is missing (reported at ``origin``)."""
        ref = ref.strip()
        if not ref:
            return None
        if ref.startswith(("http://", "https://", "mailto:")):
            return check_url(ref)
        if ref.startswith("//"):
            return check_url("https:" + ref)
        key = f"{base}|{ref}|{extra}"
        if key in self._done:
            return self._done[key] or self._missing(ref, origin)
        found = self.find(ref, base, extra)
        new: str | None = None
        if found is not None:
            rel = found.relative_to(self.source).as_posix()
            try:
                size = found.stat().st_size
                if size > MAX_BYTES:
                    self.report.note(*origin, f"'{ref}' is {size // 2**20} MiB, too large to copy; left out")
                else:
                    new = f"{ASSET_DIR}/{rel}"
                    self.writer.files.setdefault(f"docs/{new}", found.read_bytes())
            except OSError as exc:
                self.report.note(*origin, f"'{ref}' cannot be read ({exc.strerror or exc}); left out")
        self._done[key] = new
        return new or self._missing(ref, origin)

    def _missing(self, ref: str, origin: tuple[str, int]) -> None:
        if (origin[0], ref) not in self._reported:
            self._reported.add((origin[0], ref))
            if self.find(ref) is None:
                self.report.note(*origin, f"referenced file '{ref}' does not exist in the source; left out")
        return None

    def for_page(self, origin: tuple[str, int], page_rel: str, base: Path | None = None,
                 extra: tuple[str, ...] = ()) -> Callable[[str], str | None]:
        """A callback giving a file's address relative to the page ``docs/<page_rel>``."""
        prefix = "../" * page_rel.count("/")

        def to(ref: str) -> str | None:
            new = self.copy(ref, origin, base, extra)
            return prefix + new if new and not new.startswith(("http", "mailto:")) else new

        return to

    def for_data(self, origin: tuple[str, int], base: Path | None = None,
                 extra: tuple[str, ...] = ()) -> Callable[[str], str | None]:
        """A callback giving a file's address relative to the site root (what labbook's data files use)."""
        return lambda ref: self.copy(ref, origin, base, extra)
