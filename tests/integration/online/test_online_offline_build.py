"""Builds and `labbook check` never touch the network: with every connection refused they still succeed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import write_site

pytestmark = pytest.mark.slow

# Run in a fresh interpreter so that nothing imported by other tests hides what a build imports itself.
GUARD = textwrap.dedent("""
    import socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network access during a build: " + repr(args[1:] or kwargs))

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    command = sys.argv[1]
    if command == "build":
        from mkdocs.__main__ import cli
        args = ["build", "--strict", "--clean"]
    else:
        from labbook.cli import main as cli
        args = ["check"]
    try:
        cli.main(args, standalone_mode=False)
    finally:
        loaded = sorted(m for m in sys.modules if m.startswith(("labbook.online", "httpx", "httpcore")))
        print("LOADED", loaded, file=sys.stderr)
""")

BIB = r"""@article{thanassi2012delineating,
  title    = {Delineating a Retesting Zone Using Receiver Operating Characteristic Analysis},
  author   = {Thanassi, Wendy and Noda, Art},
  journal  = {Pulmonary Medicine},
  year     = {2012},
  doi      = {10.1155/2012/291294},
  url      = {https://doi.org/10.1155/2012/291294},
  abstract = {(Kappa = 0.48, $P<0.001$).}
}
"""


@pytest.mark.parametrize("command", ["build", "check"])
def test_no_connection_is_opened(tmp_path: Path, command: str) -> None:
    write_site(tmp_path, {"data/publications.bib": BIB,
                          "data/people.yml": "- id: wendy\n  name: Wendy Thanassi\n  role: pi\n  links:\n"
                                             "    orcid: 0000-0003-2043-4925\n    openalex: A5023888391\n"},
               labbook={"mathjax": True}, extra_config={"site_url": "https://lab.example.org/"})
    proc = subprocess.run([sys.executable, "-c", GUARD, command], cwd=tmp_path, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "network access" not in proc.stderr
    assert "LOADED []" in proc.stderr  # neither labbook.online nor an HTTP client is even imported
    if command == "build":
        assert (tmp_path / "site/publications/thanassi2012delineating/index.html").is_file()
