"""The recorded API responses of ../shared/fixtures/datain, served in place by a real local HTTP server.

Each file is the body of a real response (see the folder's README.md and INDEX.tsv). The server routes the
requests labbook makes (``/crossref/works/{doi}``, ``/datacite/dois/{doi}``, ``/arxiv/api/query?id_list=``,
``/orcid/v3.0/{orcid}/works``, ``/openalex/works?filter=author.id:...``) to the recording made for the same
record, using the request URL INDEX.tsv gives for it. Tests can script extra answers (a 429, a 500, a slow
or malformed answer) for one path.
"""

from __future__ import annotations

import csv
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.conftest import SHARED, shared_data

DATAIN = SHARED / "fixtures" / "datain"
SERVICES = ("crossref", "datacite", "arxiv", "orcid", "openalex")


def require_datain() -> Path:
    """The folder of recorded responses; skips the test when it is absent (fails under CI=true)."""
    shared_data("fixtures", "datain", "INDEX.tsv")
    return DATAIN


def recorded(name: str) -> bytes:
    """The bytes of one recorded response, e.g. ``crossref/hindawi-mathml-in-abstract.json``."""
    return (require_datain() / name).read_bytes()


@dataclass
class Answer:
    """One scripted answer."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def _route_of(api: str, url: str) -> tuple[str, str] | None:
    """(service, record key) of a recorded request URL; None for APIs labbook does not call."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if api == "crossref-works" and path.startswith("/works/"):
        return "crossref", path[len("/works/"):].lower()
    if api == "datacite-rest" and path.startswith("/dois/"):
        return "datacite", path[len("/dois/"):].lower()
    if api.startswith("arxiv"):
        ids = parse_qs(parts.query).get("id_list", [""])[0]
        return ("arxiv", ids.lower()) if ids else None
    if api.startswith("orcid") and path.endswith("/works"):
        return "orcid", path.split("/")[2]
    return None


def index_routes() -> dict[tuple[str, str], tuple[str, int]]:
    """(service, key) -> (file, status) for every recorded request labbook could make."""
    routes: dict[tuple[str, str], tuple[str, int]] = {}
    with (require_datain() / "INDEX.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            route = _route_of(row["api"], row["request_url"])
            if route is not None:
                routes[route] = (row["file"], int(row["http_status"]))
    return routes


class DatainServer:
    """A running server; ``env`` points labbook's LABBOOK_*_URL variables at it."""

    def __init__(self) -> None:
        self.routes = index_routes()
        self.scripted: dict[str, list[Answer]] = {}
        self.extra: dict[tuple[str, str], str] = {}
        self.log: list[str] = []
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def env(self) -> dict[str, str]:
        """The environment variables that send every service's requests here."""
        return {f"LABBOOK_{name.upper()}_URL": f"{self.base}/{name}" for name in SERVICES}

    def script(self, path: str, *answers: Answer) -> None:
        """Answer the next requests for ``path`` (``/crossref/works/10.1/x``) with ``answers``, in order."""
        self.scripted.setdefault(path, []).extend(answers)

    def serve(self, service: str, key: str, file: str) -> None:
        """Answer the record ``key`` of ``service`` with the recorded ``file`` (e.g. an OpenAlex list)."""
        self.extra[(service, key)] = file

    def count(self, path: str) -> int:
        """How many requests came for ``path``."""
        return sum(1 for seen in self.log if seen == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, raw_path: str) -> Answer:
        parts = urlsplit(raw_path)
        self.log.append(parts.path)
        queue = self.scripted.get(parts.path)
        if queue:
            return queue.pop(0)
        service, _, rest = parts.path.lstrip("/").partition("/")
        key = self._key(service, rest, parts.query)
        if (service, key) in self.extra:
            file, status = self.extra[(service, key)], 200
        else:
            file, status = self.routes.get((service, key), ("", 404))
        if file:
            return Answer(status, (DATAIN / file).read_bytes())
        if service == "arxiv":  # arXiv answers an unknown id with an empty feed, as recorded
            return Answer(200, (DATAIN / "arxiv/0000.0000-empty-feed.xml").read_bytes())
        if service == "crossref":
            return Answer(404, (DATAIN / "crossref/notarealdoi-404.txt").read_bytes())
        if service == "orcid":
            return Answer(404, (DATAIN / "orcid/person-bad-id-404.json").read_bytes())
        return Answer(404, b'{"errors":[{"status":"404","title":"The resource you are looking for doesn\'t exist."}]}')

    @staticmethod
    def _key(service: str, rest: str, query: str) -> str:
        rest = unquote(rest)
        if service == "crossref":
            return rest.removeprefix("works/").lower()
        if service == "datacite":
            return rest.removeprefix("dois/").lower()
        if service == "arxiv":
            return parse_qs(query).get("id_list", [""])[0].lower()
        if service == "orcid":
            return rest.split("/")[1] if rest.count("/") >= 2 else rest
        if service == "openalex":
            return parse_qs(query).get("filter", [""])[0]
        return rest

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                answer = server.answer(self.path)
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def datain_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[DatainServer]:
    """A server of the recorded responses, with LABBOOK_*_URL pointing at it for the test."""
    require_datain()
    server = DatainServer()
    for name, value in server.env.items():
        monkeypatch.setenv(name, value)
    yield server
    server.close()
