"""A built site served on 127.0.0.1, for the browser tests and for tests that read the example handbook."""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


class SiteServer:
    """http.server on 127.0.0.1 and a free port, bound before the site is built.

    Material's instant navigation only takes over links listed in the site's sitemap.xml, whose URLs come from
    ``site_url``; so the site is built with ``site_url`` set to this server's address, as `mkdocs serve` does.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, name="site-server", daemon=True)

    @contextlib.contextmanager
    def running(self) -> Iterator[str]:
        """Serve until the block ends; yields the root URL (ending in "/")."""
        self.thread.start()
        try:
            yield self.url
        finally:
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(timeout=10)


#: Builds a site with `site_url` and `site_dir` overridden, through MkDocs' own config loader.
_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1], site_url=sys.argv[2], site_dir=sys.argv[3], strict=True))
"""


def build_for(server: SiteServer, config_file: Path) -> None:
    """Build the site of ``config_file`` strictly into the server's folder, with the server's URL."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-c", _BUILD, str(config_file), server.url, str(server.directory)],
                          cwd=config_file.parent, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
