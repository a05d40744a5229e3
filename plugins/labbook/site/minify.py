"""Minifying labbook's own CSS and JavaScript for the built site.

rcssmin and rjsmin (both by the same author, maintained since 2011, pure Python with an optional C speed-up,
Apache-2.0) do the conservative job that hand-written files need: comments and whitespace go, nothing is
renamed or rewritten, so the shipped file behaves exactly like its source. A bundler (esbuild, terser) would
save a few hundred bytes more and need Node at build time, which a lab's CI should not need.
"""

from __future__ import annotations

import rcssmin
import rjsmin


def minify(name: str, data: bytes) -> bytes:
    """``data`` minified when ``name`` is a ``.css`` or ``.js`` file, unchanged otherwise."""
    if name.endswith(".css"):
        return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8")
    if name.endswith(".js"):
        # keep_bang_comments: licence headers (/*! ... */) stay, as their licences ask.
        return rjsmin.jsmin(data.decode("utf-8"), keep_bang_comments=True).encode("utf-8")
    return data
