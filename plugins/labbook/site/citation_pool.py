"""Formatting a large lab's citations in other processes while the build goes on.

citeproc-py is pure Python, so on a machine with two cores or more a lab with thousands of entries formats its
citations faster in worker processes: they start as soon as the pages are planned and work back from the last
entry, while the build process reads the site's files and renders everything else. When the build reaches a
publication page whose citations are not back yet, it formats them itself if no worker has taken them, and
waits for them if one has (which happens only where the two meet). A worker makes exactly what the build
process would (the same function on the same CSL-JSON item); an entry it cannot format is left to the build
process, which then reports it as it would have anyway.

``LABBOOK_WORKERS`` sets the number of worker processes (``0``: format everything in the build process);
by default one fewer than the machine's cores, at most four. Workers are started by forking, on Linux only
(elsewhere, and in a process with other threads such as ``mkdocs serve``, the build process formats them).
A lab with fewer than :data:`MIN_CITATIONS` citations to format is done in the build process: starting
workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from labbook.exports.citations import CitationStyle, format_item

#: Below this many citations to format, workers are not worth starting.
MIN_CITATIONS = 200
#: Entries per task: small enough to spread the work, large enough that a task costs more than its message.
CHUNK = 40

#: One entry to format: its key, its CSL-JSON item, and (store key, style index) for each style it needs.
Job = tuple[str, dict[str, Any], list[tuple[str, int]]]


def worker_count() -> int:
    """How many worker processes to use (``LABBOOK_WORKERS``, else the machine's cores less one, at most 4)."""
    setting = os.environ.get("LABBOOK_WORKERS", "").strip()
    if setting.isdigit():
        return int(setting)
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def format_jobs(jobs: Sequence[Job], styles: Sequence[CitationStyle]) -> dict[str, str]:
    """Each job's citations, by store key; a citation that fails is left out (the caller formats it again)."""
    out: dict[str, str] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _, item, wanted in jobs:
            for store_key, index in wanted:
                try:
                    out[store_key] = str(format_item(item, styles[index]))
                except Exception:  # citeproc-py's errors have no common base; the build process reports them
                    continue
    return out


class CitationPool:
    """Citations being formatted by worker processes, by entry key."""

    def __init__(self, jobs: Sequence[Job], styles: Sequence[CitationStyle], workers: int) -> None:
        self.styles = list(styles)
        self._chunks: dict[str, tuple[Future[dict[str, str]], list[Job]]] = {}
        # fork starts a worker without importing anything again; a process with other threads (mkdocs serve)
        # must not fork, and does not get here (see CitationStore.prefetch).
        context = multiprocessing.get_context("fork")
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        # The workers start from the last entries and the build process from the first (it formats, as its pages
        # need them, the chunks no worker has taken): they meet in the middle, and neither waits for the other
        # but there. (A chunk handed to a worker's queue cannot be taken back, so in page order the build process
        # would wait for every chunk.)
        starts = range(0, len(jobs), CHUNK)
        for start in reversed(starts):
            chunk = list(jobs[start:start + CHUNK])
            future = self._executor.submit(format_jobs, chunk, self.styles)
            for key, _, _ in chunk:
                self._chunks[key] = (future, chunk)

    def results_for(self, entry_key: str) -> dict[str, str]:
        """The citations of the chunk holding ``entry_key`` (waiting for a worker that has started on it, or
        formatting it here if none has); empty when the entry was never sent or the workers died."""
        found = self._chunks.pop(entry_key, None)
        if found is None:
            return {}
        future, chunk = found
        for key, _, _ in chunk:
            self._chunks.pop(key, None)
        if future.cancel():
            return format_jobs(chunk, self.styles)
        try:
            return future.result()
        except BrokenProcessPool:
            return {}

    def close(self) -> None:
        """Stop the workers (what they have not started is dropped)."""
        self._executor.shutdown(wait=True, cancel_futures=True)


def may_fork() -> bool:
    """Whether this process can start workers by forking: on Linux (macOS's system libraries are not safe to
    fork, and Windows cannot), with no other thread that a fork would copy mid-step."""
    return sys.platform.startswith("linux") and threading.active_count() == 1
