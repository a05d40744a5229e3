"""The response cache under ``.labbook/cache/``: a re-run is fast, and works offline for what it has seen."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """A successful response body as it was received, with its URL and content type."""

    url: str
    content_type: str
    body: bytes


class ResponseCache:
    """Successful responses stored one file per URL (named by the URL's SHA-256), never errors.

    A cache that cannot be written (read-only checkout) is not an error: the command just runs uncached.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, url: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".json")

    def get(self, url: str) -> CachedResponse | None:
        """The cached response for ``url``, or ``None`` (also when the cache file is unreadable)."""
        path = self._path(url)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("url") != url:  # a hash collision is practically impossible, but never serve another URL
                return None
            return CachedResponse(url, str(data.get("content_type", "")), str(data["body"]).encode("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, url: str, content_type: str, body: bytes) -> None:
        """Store ``body`` for ``url``; written to a temporary file and renamed, so a reader never sees half."""
        path = self._path(url)
        if path is None:
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return  # every service answers in UTF-8; anything else is not worth keeping
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"url": url, "content_type": content_type, "body": text}, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            return
