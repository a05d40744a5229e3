"""The HTTP client against a real local server: retries, Retry-After, timeouts, errors, cache, User-Agent."""

from __future__ import annotations

from pathlib import Path

import pytest

from labbook.online.cache import ResponseCache
from labbook.online.http import Client, FetchError, HttpSettings, NotFound, user_agent
from tests.datain import Answer, DatainServer, recorded

HINDAWI = "/crossref/works/10.1155/2012/291294"


def client(pauses: list[float], cache: Path | None = None, **kwargs: object) -> Client:
    settings = HttpSettings(sleep=pauses.append, **kwargs)  # type: ignore[arg-type]
    return Client(settings, ResponseCache(cache))


def test_a_recorded_answer_is_served(datain_server: DatainServer) -> None:
    with client([]) as c:
        body = c.get(datain_server.base + HINDAWI).body
    assert body == recorded("crossref/hindawi-mathml-in-abstract.json")


def test_429_honours_retry_after_then_succeeds(datain_server: DatainServer) -> None:
    """A rate limit with Retry-After: 7 waits 7 s (recorded, not slept), then the real answer comes."""
    datain_server.script(HINDAWI, Answer(429, b"Too Many Requests", {"Retry-After": "7"}))
    pauses: list[float] = []
    with client(pauses) as c:
        assert c.get(datain_server.base + HINDAWI).body.startswith(b"{")
    assert pauses == [7.0]
    assert datain_server.count(HINDAWI) == 2


def test_retry_after_is_capped(datain_server: DatainServer) -> None:
    datain_server.script(HINDAWI, Answer(429, b"", {"Retry-After": "86400"}))
    pauses: list[float] = []
    with client(pauses, max_wait=5) as c:
        c.get(datain_server.base + HINDAWI)
    assert pauses == [5]


def test_500_backs_off_exponentially_and_gives_up(datain_server: DatainServer) -> None:
    datain_server.script(HINDAWI, *[Answer(500, b"oops")] * 4)
    pauses: list[float] = []
    with client(pauses, retries=3, backoff=0.5) as c, pytest.raises(FetchError, match=r"HTTP 500 \(4 tries\)"):
        c.get(datain_server.base + HINDAWI)
    assert pauses == [0.5, 1.0, 2.0]


def test_503_once_is_recovered(datain_server: DatainServer) -> None:
    datain_server.script(HINDAWI, Answer(503))
    with client([]) as c:
        assert c.get(datain_server.base + HINDAWI).body


def test_404_is_not_found_and_not_retried(datain_server: DatainServer) -> None:
    """Crossref's real 404 (a text body, not JSON) becomes NotFound after one request."""
    path = "/crossref/works/10.1371/notarealdoi"
    with client([]) as c, pytest.raises(NotFound, match="HTTP 404"):
        c.get(datain_server.base + path)
    assert datain_server.count(path) == 1


def test_other_4xx_is_an_error_without_retry(datain_server: DatainServer) -> None:
    datain_server.script(HINDAWI, Answer(403, b"forbidden"))
    with client([]) as c, pytest.raises(FetchError, match=r"HTTP 403$"):
        c.get(datain_server.base + HINDAWI)


def test_a_timeout_is_retried_then_reported(datain_server: DatainServer) -> None:
    datain_server.script(HINDAWI, Answer(200, b"{}", delay=1.0), Answer(200, b"{}", delay=1.0))
    pauses: list[float] = []
    with client(pauses, timeout=0.2, retries=1) as c, pytest.raises(FetchError, match=r"no answer .* within 0.2 s"):
        c.get(datain_server.base + HINDAWI)
    assert len(pauses) == 1


def test_an_unreachable_host_is_one_clear_error() -> None:
    with client([]) as c, pytest.raises(FetchError, match=r"cannot reach 127\.0\.0\.1"):
        c.get("http://127.0.0.1:9/works/x")


def test_the_cache_answers_a_second_time_without_the_network(datain_server: DatainServer, tmp_path: Path) -> None:
    with client([], tmp_path) as c:
        first = c.get(datain_server.base + HINDAWI)
    datain_server.close()  # the second run is offline
    with client([], tmp_path) as c:
        again = c.get(datain_server.base + HINDAWI)
        assert c.requests == 0
    assert again.body == first.body
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_errors_are_not_cached(datain_server: DatainServer, tmp_path: Path) -> None:
    with client([], tmp_path) as c, pytest.raises(NotFound):
        c.get(datain_server.base + "/crossref/works/10.1371/notarealdoi")
    assert not list(tmp_path.glob("*.json"))


def test_user_agent_names_labbook_and_the_contact() -> None:
    assert user_agent().startswith("labbook/")
    assert "mailto:lab@example.org" in user_agent("lab@example.org")


def test_retry_after_as_an_http_date() -> None:
    from email.utils import formatdate

    from labbook.online.http import _retry_after

    assert _retry_after("12") == 12.0
    assert 0 <= _retry_after(formatdate(usegmt=True)) <= 1  # type: ignore[operator]
    assert _retry_after("soon") is None
