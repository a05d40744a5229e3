"""Running one build in a child process and reading its wall time, CPU time and peak memory.

Each build runs in its own process, so the numbers are that build's alone: ``os.wait4`` returns the child's
resource usage (peak resident set size, user and system CPU time) when it ends.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: Environment of every child: no MkDocs 2.0 banner, no colours, a fixed hash seed for repeatable runs.
CHILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0", "NO_COLOR": "1"}


@dataclass
class Measurement:
    """One finished child process."""

    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_rss: int  # bytes
    returncode: int
    output: str


class BuildFailed(RuntimeError):
    """A measured command exited with an error."""


def measure(args: list[str], cwd: Path, *, timeout: float = 900.0) -> Measurement:
    """Run ``args`` in ``cwd``; return its wall time, CPU time and peak memory (raises on a non-zero exit)."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=CHILD_ENV)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                wall = time.perf_counter() - start
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise BuildFailed(f"{' '.join(args)} did not finish in {timeout:.0f} s")
            time.sleep(0.005)
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    result = Measurement(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_rss=usage.ru_maxrss * 1024,
                         returncode=proc.returncode, output=output)
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(args)} exited with {result.returncode}:\n{output[-3000:]}")
    return result


def mkdocs_build(project: Path, site_dir: Path) -> list[str]:
    """The command of a plain ``mkdocs build`` of ``project`` into ``site_dir``."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", str(project / "mkdocs.yml"),
            "-d", str(site_dir)]


def sphinx_build(source: Path, out: Path) -> list[str]:
    """A fresh Sphinx HTML build (no saved environment, one process) of ``source`` into ``out``."""
    return [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-j", "1", "-d", str(out / ".doctrees"),
            str(source), str(out / "html")]


def stop(proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Stop a child we started: Ctrl-C first (so `mkdocs serve` removes its temporary site), then kill."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)


def hugo_build(project: Path, out: Path) -> list[str]:
    """A fresh Hugo build of ``project`` into ``out`` (Hugo's resource cache is not used by these pages)."""
    return ["hugo", "--quiet", "--source", str(project), "--destination", str(out), "--cleanDestinationDir",
            "--ignoreCache"]
