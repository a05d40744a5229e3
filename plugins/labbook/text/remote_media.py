"""Images from other hosts in data: a reader's browser would fetch them from a third party on every visit.

labbook promises pages that load nothing from anywhere but the site itself (no CDN, no web fonts, no
trackers). An image in a bio or news item (``![p](https://tracker.example/p.png)``) or a person's ``photo``
on another host would break that promise for every reader, so it is reported and not loaded, unless the
site lists the host in the ``remote_media`` option. The fix the diagnostic suggests: copy the file into
``docs/`` and point at it with a relative path.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

#: The hint of every remote-media diagnostic.
REMOTE_MEDIA_HINT = ("copy the file into docs/ (for example docs/img/) and use the relative path img/...;"
                     " or list its host in the labbook option `remote_media` to allow it")


def remote_host(url: str) -> str | None:
    """The host an absolute http(s) URL loads from (lower case), or ``None`` for a URL of the site itself."""
    parts = urlsplit(url.strip().replace("\\", "/"))
    if parts.scheme.lower() not in {"http", "https"}:
        return None
    return (parts.hostname or "").lower() or None


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """True when ``host`` is in ``allowed``: exact names (``images.example.org``), or ``*.example.org`` for
    every host under example.org (not example.org itself)."""
    for entry in allowed:
        entry = entry.strip().lower().rstrip(".")
        if entry.startswith("*.") and host.endswith(entry[1:]) and host != entry[2:]:
            return True
        if host == entry:
            return True
    return False


def refused_remote(url: str, allowed: Iterable[str]) -> str | None:
    """The host of ``url`` when it is another host that ``allowed`` does not list (the media is not loaded),
    else ``None``."""
    host = remote_host(url)
    return host if host is not None and not host_allowed(host, allowed) else None
