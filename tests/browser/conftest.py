"""Browser fixtures: the example handbook built once, served on 127.0.0.1, and opened in Debian's Chromium.

Playwright drives the system's Chromium (``/usr/bin/chromium``, from apt; never a downloaded browser build).
When it is missing, the browser tests skip with the reason on a developer's machine and fail in CI (``CI=true``),
where a skipped browser test would hide a broken install step.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, in_ci, write_site
from tests.site_server import SiteServer, build_for

#: The browser: Debian's Chromium unless LABBOOK_CHROMIUM names another executable.
CHROMIUM = Path(os.environ.get("LABBOOK_CHROMIUM", "/usr/bin/chromium"))

#: Flags for a quiet headless Chromium: no sandbox (containers, root), no GPU, and none of the background
#: traffic (updates, sync, safe-browsing lists) that would show up as requests to other hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Where screenshots and axe reports go (gitignored); CI keeps this folder as an artefact.
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def unavailable(reason: str) -> None:
    """Skip (on a developer's machine) or fail (in CI) because the browser cannot run."""
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def example_server(example_site: SiteServer) -> SiteServer:
    """The repository's example handbook, built once per session and served (see tests/conftest.py)."""
    return example_site


@pytest.fixture(scope="session")
def site_url(example_server: SiteServer) -> str:
    """The root URL of the served example handbook."""
    return example_server.url


@pytest.fixture(scope="session")
def example_site_dir(example_server: SiteServer) -> Path:
    """The built example handbook's folder."""
    return example_server.directory


#: A small lab for what the example's data does not show: accents, a long author list, a photo.
SMALL_BIB = r"""
@article{mueller2021,
  title = {Schr{\"o}dinger Bridges for {G}{\"o}del Machines},
  author = {M{\"u}ller, J{\"u}rgen and Lee, Kangwook and Alpha, A. and Beta, B. and Gamma, G. and Delta, D.},
  journal = {Journal of Examples}, year = {2021}, keywords = {Theory}
}
@inproceedings{short2020, title = {A Short Paper}, author = {Lee, Kangwook}, booktitle = {Workshop on Tests},
  year = {2020}}
"""


def _tiny_png() -> bytes:
    """A valid 2x2 grey PNG, written here so the repository needs no binary test file."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture(scope="session")
def small_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site (accented names, six authors shown as three and "et al.", a photo), built and served."""
    project = write_site(tmp_path_factory.mktemp("small-site"), {
        "data/publications.bib": SMALL_BIB,
        "data/people.yml": "- id: kangwook-lee\n  name: Kangwook Lee\n  role: pi\n  photo: img/kl.png\n",
        "docs/img/kl.png": _tiny_png(),
    }, labbook={"max_authors": 3}, extra_config={"theme": {"name": "material", "font": False}})
    server = SiteServer(project / "site")
    build_for(server, project / "mkdocs.yml")
    with server.running() as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        unavailable(f"Chromium not found at {CHROMIUM} (install Debian's `chromium` package: `make browser-deps`)")
    executable = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium") or "")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - the [test] extra installs it
        unavailable(f"the playwright package is not installed ({exc}); run `pip install -e '.[test]'`")
    manager = sync_playwright().start()
    try:
        try:
            instance = manager.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:
            unavailable(f"Chromium at {executable} did not start: {exc}")
        yield instance
        instance.close()
    finally:
        manager.stop()


#: True once labbook.js has run and set up the page's filter form, if it has one.
_READY = """() => document.documentElement.classList.contains("lb-js")
  && Array.from(document.querySelectorAll("form[data-lb-facets]")).every(f => f.lbFacets)"""


@dataclass
class Tab:
    """A page in a fresh browser context, with everything it logged and requested."""

    page: Any
    base: str
    javascript: bool = True
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: str = "", *, idle: bool = False) -> Any:
        """Go to ``path`` (relative to the site root) and wait for the load event and labbook's set-up;
        ``idle`` waits until no request has been in flight for half a second as well (slower)."""
        self.page.goto(self.base + path, wait_until="load")
        if idle:
            self.page.wait_for_load_state("networkidle")
        if self.javascript:
            self.page.wait_for_function(_READY)
        return self.page

    def third_party(self) -> list[str]:
        """Requests that went anywhere but the site's own origin (data: and blob: URLs are local)."""
        return [u for u in self.requests if not u.startswith(self.base) and not u.startswith(("data:", "blob:"))]

    def screenshot(self, name: str, *, full_page: bool = False) -> Path:
        """Save a screenshot under test-artifacts/screenshots/ and return its path."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def open_tab(browser: Any, site_url: str) -> Iterator[Any]:
    """A factory of :class:`Tab`: ``open_tab(color_scheme="dark", viewport=PHONE, javascript=False)``;
    ``base`` opens another served site than the example handbook.

    Every tab fails the test at the end if the page logged a console error or an uncaught exception.
    """
    tabs: list[tuple[Any, Tab]] = []

    def _open(*, color_scheme: str = "light", viewport: dict[str, int] | None = None, javascript: bool = True,
              clipboard: bool = False, base: str | None = None) -> Tab:
        base = base or site_url
        context = browser.new_context(viewport=viewport or DESKTOP, color_scheme=color_scheme,
                                      java_script_enabled=javascript, reduced_motion="reduce")
        if clipboard:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page = context.new_page()
        page.set_default_timeout(10_000)
        tab = Tab(page=page, base=base, javascript=javascript)
        page.on("console", lambda msg: tab.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: tab.console_errors.append(f"uncaught: {exc}"))
        page.on("request", lambda req: tab.requests.append(req.url))
        tabs.append((context, tab))
        return tab

    yield _open
    errors = [e for _, tab in tabs for e in tab.console_errors]
    for context, _ in tabs:
        context.close()
    assert not errors, f"console errors: {errors}"


def record_axe(name: str, counts: dict[str, Any]) -> None:
    """Add one page's axe-core numbers to test-artifacts/axe.json (read by people, not by tests)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "axe.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[name] = counts
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def slug(text: str) -> str:
    """A file-name-safe form of a page path ("publications/x/" -> "publications-x")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "home"
