"""Lighthouse 12 (npm ``lighthouse@12.2.3``, mobile profile, Debian's Chromium) on the example handbook's main
pages and on a plain Material page with the same theme, the reference.

Every page must score 100 for accessibility, best practices and SEO (asserted). For performance the aim is no
more than :data:`PERFORMANCE_SLACK` below the plain page and at least :data:`PERFORMANCE_FLOOR`; it is measured
and reported (test-artifacts/lighthouse-performance.md), not asserted, since it is a timing. The scores go to
test-artifacts/lighthouse.json. Lighthouse is installed with npm, pinned, into .venv/lighthouse/ on first use;
when npm cannot reach its registry the test skips with the reason (it fails instead under ``CI=true``). Pages are
served gzip-compressed, as any static host serves them. Performance is measured with Lighthouse's simulated
mobile throttling, so a busy machine moves it by a few points: every score is the median of
``LABBOOK_LIGHTHOUSE_RUNS`` runs per page (default 5 under ``CI=true``, where the test is the yardstick, 1 on a
developer's machine; five runs of the six pages take about seven minutes). One run's score moves by up to 5-8
points on the same page (the reference's too), so fewer runs would compare the spread rather than the pages.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.browser.conftest import ARTIFACTS, CHROMIUM, unavailable
from tests.conftest import ROOT
from tests.site_server import SiteServer, build_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VERSION = "12.2.3"
CACHE = ROOT / ".venv" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PERFORMANCE_SLACK = 3
REFERENCE = "reference (plain Material)"
PERFORMANCE_FLOOR = 85

#: The example's pages Lighthouse scores, by a short name.
PAGES = {
    "home": "",
    "publications": "publications/",
    "publication": "publications/zeng2024expressive/",
    "people": "people/",
    "person": "people/kangwook-lee/",
}


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip as GitHub Pages and every static host do (http.server does not,
    and Lighthouse would score the missing compression rather than the pages)."""

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in _COMPRESSED or not accepts or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


_COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


@contextlib.contextmanager
def serve_gzip(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 with gzip; yields the root URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse_bin() -> Path:
    """The pinned Lighthouse CLI, installed with npm into :data:`CACHE` when it is not there yet."""
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if binary.exists() and installed.exists() and json.loads(installed.read_text())["version"] == VERSION:
        return binary
    npm = shutil.which("npm")
    if npm is None:
        unavailable("npm is not installed (Debian's `npm` package); Lighthouse cannot be installed")
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    proc = subprocess.run([npm, "install", "-E", "--no-audit", "--no-fund", f"lighthouse@{VERSION}"], cwd=CACHE,
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        unavailable(f"npm could not install lighthouse@{VERSION} (is the npm registry reachable?): "
                    f"{proc.stderr.strip()[-400:]}")
    return binary


@pytest.fixture(scope="module")
def reference_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain Material page (no labbook) with the example's theme, stylesheet, extensions and overrides."""
    project = tmp_path_factory.mktemp("plain-material")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    config.pop("nav", None)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    docs = project / "docs"
    (docs / "stylesheets").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "stylesheets" / "extra.css", docs / "stylesheets" / "extra.css")
    # The example's onboarding page, its links to other pages of the handbook turned into plain text.
    text = (ROOT / "docs" / "handbook" / "onboarding.md").read_text(encoding="utf-8")
    (docs / "index.md").write_text(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text), encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    server = SiteServer(project / "site")
    build_for(server, project / "mkdocs.yml")
    with serve_gzip(server.directory) as url:
        yield url


def lighthouse_runs() -> int:
    """How many runs each score is the median of: ``LABBOOK_LIGHTHOUSE_RUNS``, else 5 under ``CI=true``, else 1."""
    default = "5" if os.environ.get("CI", "").lower() == "true" else "1"
    return max(1, int(os.environ.get("LABBOOK_LIGHTHOUSE_RUNS") or default))


def run_once(binary: Path, url: str, name: str) -> dict[str, int]:
    """Lighthouse's category scores (0-100) for ``url``, mobile profile; the report is kept as an artefact."""
    out = ARTIFACTS / "lighthouse" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [str(binary), url, "--output=json", f"--output-path={out}", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def failing_audits(name: str) -> list[str]:
    """Audits below full marks in the categories that must be 100 (for the failure message)."""
    report = json.loads((ARTIFACTS / "lighthouse" / f"{name}.json").read_text(encoding="utf-8"))
    out = []
    for category in CATEGORIES[1:]:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                out.append(f"{category}: {ref['id']}")
    return out


@pytest.fixture(scope="module")
def results(example_site: SiteServer, reference_url: str) -> dict[str, dict[str, int]]:
    """Scores of the reference and of every page in :data:`PAGES` (also written to test-artifacts)."""
    if not CHROMIUM.exists():
        unavailable(f"Chromium not found at {CHROMIUM}")
    binary = lighthouse_bin()
    found: dict[str, dict[str, list[int]]] = {}
    # The example as built for the other browser tests; its site_url (for the sitemap) names the other server,
    # which only matters to instant navigation, not to a page load.
    with serve_gzip(example_site.directory) as url:
        targets = {REFERENCE: (reference_url, "reference")}
        targets.update({name: (url + path, name) for name, path in PAGES.items()})
        # In rounds (the reference and every page once per round), so that a machine busy for a while weighs on
        # the reference as on the pages it is compared with.
        for _ in range(lighthouse_runs()):
            for name, (target, artefact) in targets.items():
                for category, score in run_once(binary, target, artefact).items():
                    found.setdefault(name, {}).setdefault(category, []).append(score)
    out = {name: {c: int(statistics.median(v)) for c, v in by.items()} for name, by in found.items()}
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return out


def test_accessibility_best_practices_and_seo_are_100(results: dict[str, dict[str, int]]) -> None:
    """Every page scores 100 for accessibility, best practices and SEO (the failing audits are named)."""
    problems = [f"{name}: {category} {results[name][category]} ({', '.join(failing_audits(name))})"
                for name in PAGES for category in CATEGORIES[1:] if results[name][category] != 100]
    assert not problems, json.dumps(results, indent=2) + "\n" + "\n".join(problems)


def test_performance_is_measured_against_the_plain_material_page(results: dict[str, dict[str, int]]) -> None:
    """Every page and the reference get a mobile performance score, and test-artifacts/lighthouse-performance.md
    compares each with the aim (at least :data:`PERFORMANCE_FLOOR`, at most :data:`PERFORMANCE_SLACK` below the
    plain page). The score is not asserted: it is a timing (Lighthouse's simulated phone replays the CPU time
    this machine took), and the project judges timings by measurement, never by a test that a busy machine can
    fail; the closing notes and docs/reference/performance.md report it."""
    reference = results[REFERENCE]["performance"]
    assert 0 < reference <= 100
    rows = ["| page | performance | aim met |", "|---|---:|:---:|", f"| {REFERENCE} | {reference} | – |"]
    for name in PAGES:
        score = results[name]["performance"]
        assert 0 < score <= 100, name
        met = score >= PERFORMANCE_FLOOR and score >= reference - PERFORMANCE_SLACK
        rows.append(f"| {name} | {score} | {'yes' if met else 'no'} |")
    runs = lighthouse_runs()
    (ARTIFACTS / "lighthouse-performance.md").write_text(
        f"Lighthouse {VERSION}, mobile profile, median of {runs} run{'s' if runs > 1 else ''} per page; aim: "
        f">= {PERFORMANCE_FLOOR} and >= the reference - {PERFORMANCE_SLACK}.\n\n" + "\n".join(rows) + "\n",
        encoding="utf-8")
