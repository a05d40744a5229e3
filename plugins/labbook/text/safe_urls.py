"""Which URLs from data may reach a page: the scheme allowlist and site-relative links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Schemes a link from data may use; anything else (javascript:, data:, vbscript:, file: ...) is refused.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def check_url(value: str) -> str | None:
    """Return ``value`` if it is an http(s), mailto or relative URL, else ``None``.

    Browsers ignore control characters and spaces inside a scheme (``java\\tscript:``), so they are removed
    before the scheme is read; a relative URL must not start with ``//`` (that would be another host with
    the page's scheme, which is allowed only when spelt out as https://). Browsers read a backslash as a
    slash, so every mix of the two (``/\\host``, ``\\/host``, ``\\\\host``) counts as ``//`` too.
    """
    url = value.strip()
    if not url:
        return None
    compact = _CONTROL.sub("", url).replace("\\", "/")
    match = _SCHEME.match(compact)
    if match:
        if match.group(1).lower() not in ALLOWED_SCHEMES:
            return None
        if match.group(1).lower() in {"http", "https"} and not urlsplit(compact).netloc:
            return None
        return url
    if compact.startswith("//"):
        return None
    return url


def is_site_relative(url: str) -> bool:
    """True for a URL relative to the site root, which needs the page's relative base in front of it.

    A URL with a scheme (``https:``, ``mailto:``), a path from the host's root (``/x``) and a fragment of the
    page itself (``#x``) are not: they mean the same on every page.
    """
    return not _SCHEME.match(url) and not url.startswith(("/", "\\", "#"))
