"""Shared fixtures: small complete sites built with a real `mkdocs build --strict`, and their HTML."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

from tests.site_server import SiteServer, build_for

# Property tests: a bounded, repeatable run in CI (CI=true), a little more locally, and a long run on demand
# (HYPOTHESIS_PROFILE=thorough). Tests scale their example counts from the profile's max_examples.
settings.register_profile("ci", max_examples=50, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
#: The site generator the build tests run: ``mkdocs`` or ``properdocs`` (the CI matrix sets LABBOOK_TEST_GENERATOR).
GENERATOR = os.environ.get("LABBOOK_TEST_GENERATOR", "mkdocs")


def generator_command(*args: str) -> list[str]:
    """``python -m mkdocs <args>`` or the same with ProperDocs, which is told to read mkdocs.yml."""
    command = [sys.executable, "-m", GENERATOR, *args]
    if GENERATOR == "properdocs" and args and args[0] in {"build", "serve"} and "-f" not in args:
        command += ["-f", "mkdocs.yml"]
    return command


#: Real-world data (public .bib files, real sites, recorded API responses), read in place and never copied:
#: the project's ``shared/`` folder beside the checkout.
SHARED = ROOT.parent / "shared"


def in_ci() -> bool:
    """True when running in CI (``CI=true``), where a test that cannot run must fail instead of skipping."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def shared_data(*parts: str) -> Path:
    """A file or folder of ``../shared/`` (e.g. ``shared_data("corpus", "x.bib")``), read in place.

    Where it is absent (a clone outside this project's CI) the calling test skips, naming the folder; under
    ``CI=true`` it fails instead, as the browser tests do.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"real-world test data not found at {path} (the project's shared/ folder beside the checkout)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


@dataclass
class BuildResult:
    """A finished build: its exit code, its log, and where the site went."""

    returncode: int
    log: str
    project: Path

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, path: str) -> str:
        """The text of a built file, e.g. ``publications/index.html``."""
        return (self.site / path).read_text(encoding="utf-8")


def write_site(
    project: Path,
    files: dict[str, str | bytes],
    *,
    labbook: dict | None = None,
    macros: bool = False,
    extra_config: dict | None = None,
) -> Path:
    """Write a complete MkDocs + Material site with the labbook plugin into ``project``."""
    config: dict = {
        "site_name": "Test Lab",
        "theme": {"name": "material"},
        "plugins": ["search", {"labbook": labbook or {}}],
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}},
                                {"pymdownx.arithmatex": {"generic": True}}],
    }
    if macros:
        config["plugins"].append({"macros": {"modules": ["labbook.macros"], "on_error_fail": True}})
    config.update(extra_config or {})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    files = {"docs/index.md": "# Home\n", **files}
    for rel, content in files.items():
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return project


def run_build(project: Path, *, strict: bool = True) -> BuildResult:
    """Run the real `mkdocs build` in ``project`` (a separate process, as a user would)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = generator_command("build", "--clean")
    if strict:
        args.append("--strict")
    proc = subprocess.run(args, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, project)


def visible_text(html: str) -> str:
    """The text a reader sees: without code blocks (BibTeX source), scripts, styles, math spans left to MathJax
    and the TeX annotations of MathML formulas."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.select("script, style, pre, code, .arithmatex, annotation, head"):
        tag.decompose()
    return soup.get_text(" ")


@pytest.fixture
def make_site(tmp_path: Path):
    """Write a site and build it strictly; returns the BuildResult (the build must succeed)."""

    def _make(files: dict[str, str | bytes], *, strict: bool = True, expect_ok: bool = True, **kwargs) -> BuildResult:
        write_site(tmp_path, files, **kwargs)
        result = run_build(tmp_path, strict=strict)
        if expect_ok:
            assert result.returncode == 0, result.log
        return result

    return _make


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The repository's example handbook, built once per test session (`--strict`, with ``site_url`` set to
    the address it is served at, as `mkdocs serve` does) and served on 127.0.0.1 until the session ends."""
    server = SiteServer(tmp_path_factory.mktemp("example") / "site")
    build_for(server, ROOT / "mkdocs.yml")
    with server.running():
        yield server


@pytest.fixture(scope="session")
def example_dir(example_site: SiteServer) -> Path:
    """The folder of the built example handbook."""
    return example_site.directory
