"""Moving the output of reused pages out of MkDocs' way before a serve rebuild, and back after it.

MkDocs empties the site folder at the start of every build. The folders that hold pages a rebuild will reuse
are renamed into a parking folder beside it first (one rename each: nothing is copied or deleted), and each
reused page is moved back once the build is done. What is left in the parking folder is stale and is removed
in a background thread, out of the server's way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path


class Parking:
    """The parking folder of one rebuild, and the threads still removing earlier ones."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self._cleaners: list[threading.Thread] = []

    def park(self, site: Path, tops: Iterable[str]) -> None:
        """Move each top-level entry ``tops`` of the site folder aside. Raises ``OSError`` when that fails."""
        self.folder = None
        parking = Path(tempfile.mkdtemp(prefix="labbook-parked-", dir=site.parent))
        for top in sorted(set(tops)):
            if (site / top).exists():
                os.rename(site / top, parking / top)
        self.folder = parking

    def read(self, dest: str) -> bytes:
        """The parked copy of output file ``dest`` (relative to the site folder)."""
        assert self.folder is not None
        return (self.folder / dest).read_bytes()

    def restore(self, site: Path, dest: str, made: set[str]) -> None:
        """Move the parked output file ``dest`` back into ``site``; ``made`` remembers folders created."""
        assert self.folder is not None
        parked, target = os.path.join(self.folder, dest), os.path.join(site, dest)
        folder = os.path.dirname(target)
        if dest.endswith("/index.html"):
            parent = os.path.dirname(folder)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            try:
                os.rename(os.path.dirname(parked), folder)  # the page's own folder, in one move
                return
            except OSError:
                pass  # the build wrote something into that folder: move the page alone
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.replace(parked, target)

    def restore_file(self, site: Path, dest: str, made: set[str]) -> None:
        """Move the parked file ``dest`` (and nothing else of its folder) back into ``site``. Raises
        ``OSError`` when it is not parked."""
        assert self.folder is not None
        target = os.path.join(site, dest)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.replace(os.path.join(self.folder, dest), target)

    def clear(self, *, wait: bool = False) -> None:
        """Remove what is left parked, beside the server (after a full rebuild it can be thousands of
        folders, and removing them takes seconds); ``wait`` joins every cleaner (at shutdown)."""
        if self.folder is not None:
            cleaner = threading.Thread(target=shutil.rmtree, args=(self.folder,), kwargs={"ignore_errors": True},
                                       name="labbook-cleanup", daemon=True)
            cleaner.start()
            self._cleaners.append(cleaner)
            self.folder = None
        self._cleaners = [c for c in self._cleaners if c.is_alive()]
        if wait:
            for cleaner in self._cleaners:
                cleaner.join(timeout=60)
