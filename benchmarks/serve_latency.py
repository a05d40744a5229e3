"""Live-reload latency: from saving an edit of one BibTeX entry to the served page showing it.

`mkdocs serve` runs in a child process on 127.0.0.1 and a free port. After its first build, one entry's title
is changed in the .bib file and ``/publications/<key>/`` is fetched over HTTP until it shows the new title.
The dev server holds requests while it rebuilds, so the poll returns as soon as the rebuilt page exists.
Every wait is bounded; the server is stopped and the .bib file restored in every case.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import CHILD_ENV, stop

_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass
class ReloadResult:
    """Latencies of the edits, and the server's own build times (the first is the initial build)."""

    first_page: float  # seconds from starting the server to the first page served
    latencies: list[float] = field(default_factory=list)
    server_builds: list[float] = field(default_factory=list)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float) -> tuple[int, str]:
    """GET ``url``: (status, body); (0, "") when the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, OSError):
        return 0, ""


def set_title(bib: Path, key: str, title: str) -> None:
    """Replace the title of entry ``key`` (the generator writes the title as the entry's first field)."""
    text = bib.read_text(encoding="utf-8")
    pattern = re.compile(r"(@\w+\{" + re.escape(key) + r",\n\s*title\s*=\s*)\{.*\},\n")
    new, count = pattern.subn(lambda m: m.group(1) + "{" + title + "},\n", text, count=1)
    if count != 1:
        raise ValueError(f"entry {key} not found in {bib}")
    bib.write_text(new, encoding="utf-8")


def _wait_for(url: str, needle: str, deadline: float) -> bool:
    while time.perf_counter() < deadline:
        status, body = fetch(url, timeout=max(deadline - time.perf_counter(), 0.1))
        if status == 200 and needle in body:
            return True
        time.sleep(0.02)
    return False


#: Seconds between one edit showing and the next edit: a person saves, looks at the page, then edits again.
PAUSE = 2.0


def measure_reload(project: Path, keys: list[str], *, startup_timeout: float = 600.0,
                   edit_timeout: float = 120.0, pause: float = PAUSE) -> ReloadResult:
    """Serve ``project``, edit the title of each of ``keys`` in turn (``pause`` seconds after the last edit
    showed), and time each reload."""
    bib = project / "data" / "publications.bib"
    original = bib.read_bytes()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    args = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=project, stdout=log, stderr=subprocess.STDOUT, env=CHILD_ENV)
        try:
            if not _wait_for(base + f"publications/{keys[0]}/", "</html>", start + startup_timeout):
                raise RuntimeError(f"mkdocs serve did not serve the site within {startup_timeout:.0f} s")
            result = ReloadResult(first_page=time.perf_counter() - start)
            for i, key in enumerate(keys):
                time.sleep(pause)
                title = f"Live reload probe {i} {int(start) % 100000}"
                edited = time.perf_counter()
                set_title(bib, key, title)
                if not _wait_for(base + f"publications/{key}/", title, edited + edit_timeout):
                    raise RuntimeError(f"the page of {key} did not show its new title within {edit_timeout:.0f} s")
                result.latencies.append(time.perf_counter() - edited)
        finally:
            stop(proc)
            bib.write_bytes(original)
        log.seek(0)
        result.server_builds = [float(x) for x in _BUILT.findall(log.read().decode("utf-8", "replace"))]
    return result
