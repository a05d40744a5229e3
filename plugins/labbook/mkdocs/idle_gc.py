"""Python's cycle collector run between `mkdocs serve` rebuilds rather than during them.

A served lab keeps its records, rendered fragments and kept pages in memory between rebuilds: millions of
objects. Python's collector walks all of them whenever enough new objects have survived, and during a rebuild
of a large lab that happens about once, costing a second of the time an edit takes to show. So after each
build, once the server has had time to send the rebuilt page, labbook collects the garbage of the build and
then *freezes* what is left (:func:`gc.freeze`): the collections during the next rebuild look at that
rebuild's new objects only. Each collection unfreezes first, so nothing an earlier build left is kept for
ever. `mkdocs build` runs once and never does this.
"""

from __future__ import annotations

import gc
import threading

#: Seconds to wait after a build, for the browser to fetch the rebuilt page first.
DELAY = 1.0


class IdleCollector:
    """Collects and freezes after each serve build; a build that starts first cancels the wait."""

    def __init__(self, *, enabled: bool = False, delay: float = DELAY) -> None:
        self.enabled = enabled
        self.delay = delay
        self.collections = 0
        """How many idle collections have run."""
        self._timer: threading.Timer | None = None

    def build_started(self) -> None:
        """A build begins: no collection while it runs (it is scheduled again when the build ends)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def build_done(self) -> None:
        """A build ended: collect once the server is idle."""
        if not self.enabled:
            return
        self.build_started()
        self._timer = threading.Timer(self.delay, self._collect)
        self._timer.name = "labbook-gc"
        self._timer.daemon = True
        self._timer.start()

    def close(self) -> None:
        """The server stops: cancel the wait, and let the collector see every object again."""
        self.build_started()
        gc.unfreeze()

    def _collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.collections += 1
