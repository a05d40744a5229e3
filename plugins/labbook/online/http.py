"""The one HTTP client of ``add`` and ``sync``: timeouts, retries with backoff, a polite User-Agent, a cache."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx

from labbook import __version__
from labbook.online.cache import CachedResponse, ResponseCache

#: Statuses worth asking again after a pause: rate limits and server trouble.
_RETRY = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request that did not give a usable answer; the message is one line a user can act on."""


class NotFound(FetchError):
    """The service answered 404 (or 410): it does not know the record."""


@dataclass
class HttpSettings:
    """How patient and how polite the client is."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each further one."""
    max_wait: float = 60.0
    """The longest pause, whatever a Retry-After header asks for."""
    mailto: str = ""
    """A contact e-mail for the User-Agent (Crossref's "polite pool")."""
    sleep: Callable[[float], None] = field(default=time.sleep)
    """How to pause (tests pass a recorder, so a 429 costs no real time)."""


def user_agent(mailto: str = "") -> str:
    """``labbook/<version> (+https://github.com/...; mailto:...)``: who is asking and how to reach them."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"labbook/{__version__} (+https://pypi.org/project/mkdocs-labbook/{contact})"


class Client:
    """GET with a cache in front and retries behind; one instance per command run."""

    def __init__(self, settings: HttpSettings | None = None, cache: ResponseCache | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or HttpSettings()
        self.cache = cache or ResponseCache(None)
        self._http = httpx.Client(timeout=self.settings.timeout, follow_redirects=True, transport=transport,
                                  headers={"User-Agent": user_agent(self.settings.mailto)})
        self.requests = 0
        """How many requests went to the network (not counting cached answers)."""

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, accept: str = "application/json") -> CachedResponse:
        """The body of ``url``: from the cache when seen before, else fetched (and cached when it is a 200).

        Raises :class:`NotFound` on 404/410 and :class:`FetchError` on anything else that is not a 200 after
        the retries: a timeout, a refused connection, a 4xx, or 429/5xx that did not go away.
        """
        cached = self.cache.get(url)
        if cached is not None:
            return cached
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            try:
                self.requests += 1
                response = self._http.get(url, headers={"Accept": accept})
            except httpx.TimeoutException as exc:
                if last:
                    raise FetchError(f"no answer from {_host(url)} within {self.settings.timeout:g} s"
                                     f" ({attempt + 1} tries)") from exc
                self._pause(None, attempt)
                continue
            except httpx.HTTPError as exc:  # refused, no route, bad TLS: asking again will not help
                raise FetchError(f"cannot reach {_host(url)}: {_reason(exc)}") from exc
            status = response.status_code
            if status == 200:
                content_type = response.headers.get("content-type", "")
                self.cache.put(url, content_type, response.content)
                return CachedResponse(url, content_type, response.content)
            if status in (404, 410):
                raise NotFound(f"{_host(url)} does not know it (HTTP {status})")
            if status not in _RETRY or last:
                tries = f" ({attempt + 1} tries)" if status in _RETRY else ""
                raise FetchError(f"{_host(url)} answered HTTP {status}{tries}")
            self._pause(response.headers.get("retry-after"), attempt)
        raise AssertionError("unreachable")  # the last attempt always returns or raises

    def _pause(self, retry_after: str | None, attempt: int) -> None:
        # A server's Retry-After wins over our own backoff; both are capped so a run never hangs for long.
        wait = _retry_after(retry_after)
        if wait is None:
            wait = self.settings.backoff * 2**attempt
        self.settings.sleep(min(wait, self.settings.max_wait))


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), or ``None``."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _host(url: str) -> str:
    return httpx.URL(url).host or url


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
