"""The release a lab installs: `python -m build` makes a wheel and an sdist with everything a site needs,
`twine check` passes, and a fresh virtual environment with only the wheel (no source tree) builds the example
handbook and a `labbook new` site strictly, with no path to this checkout anywhere in the new site.

Dependencies come from the package index pip is configured with (or its cache); the wheel under test from a
``--find-links`` folder, as a release on PyPI would be found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import labbook
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

PACKAGE = ROOT / "plugins" / "labbook"


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900) -> str:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env or clean_env(), timeout=timeout)
    assert proc.returncode == 0, f"{args} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no virtual environment active, nothing pointing into the checkout."""
    drop = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"}
    env = {k: v for k, v in os.environ.items() if k not in drop and str(ROOT) not in v}
    env.update(NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


def package_files() -> set[str]:
    """Every file of the package a site needs at run time, relative to plugins/."""
    return {p.relative_to(ROOT / "plugins").as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it, as the release workflow builds them; LABBOOK_DIST names a folder
    that already holds them (the release workflow tests the very files it publishes)."""
    given = os.environ.get("LABBOOK_DIST")
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out)
    return out


def test_wheel_and_sdist_hold_everything_and_pass_twine(dist: Path) -> None:
    """Templates, assets, the scaffold with its dotfiles, py.typed and LICENSE in both; twine check passes;
    the version is labbook.__version__."""
    version = labbook.__version__
    wheel = dist / f"mkdocs_labbook-{version}-py3-none-any.whl"
    sdist = dist / f"mkdocs_labbook-{version}.tar.gz"
    assert wheel.is_file() and sdist.is_file(), sorted(p.name for p in dist.iterdir())
    wanted = package_files()
    assert {"labbook/py.typed", "labbook/scaffold/.gitignore", "labbook/scaffold/.github/workflows/pr.yml",
            "labbook/scaffold/.github/workflows/deploy.yml", "labbook/templates/labbook/assets/labbook.js",
            "labbook/templates/labbook/assets/labbook.css"} <= wanted
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    assert not wanted - in_wheel, sorted(wanted - in_wheel)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in in_wheel)
    with tarfile.open(sdist) as tar:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert not {f"plugins/{n}" for n in wanted} - in_sdist
    assert {"LICENSE", "README.md", "pyproject.toml"} <= in_sdist
    run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], cwd=dist)


def test_a_fresh_venv_with_only_the_wheel_builds_sites(dist: Path, tmp_path: Path) -> None:
    """From a venv that has the wheel and its dependencies but no source tree: the example handbook builds
    strictly; `labbook new x && cd x && make test` (check, then build --strict) passes, installing
    `mkdocs-labbook~=X.Y` from the wheel folder; no file of x, its .venv included, names this checkout."""
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    finds = f"{dist} {os.environ.get('PIP_FIND_LINKS', '')}".strip()
    env = clean_env(PIP_FIND_LINKS=finds)
    run([str(python), "-m", "pip", "install", "--quiet", f"mkdocs-labbook=={labbook.__version__}"], cwd=tmp_path,
        env=env)
    where = run([str(python), "-c", "import labbook; print(labbook.__file__)"], cwd=tmp_path, env=env)
    assert str(venv) in where and str(ROOT) not in where

    example = tmp_path / "example"
    example.mkdir()
    for name in ("mkdocs.yml", "docs", "data", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, example / name)
    run([str(venv / "bin" / "mkdocs"), "build", "--strict"], cwd=example, env=env)
    assert (example / "site" / "publications" / "index.html").is_file()
    assert (example / "site" / "assets" / "labbook" / "mathjax" / "tex-mml-chtml.js").is_file()
    assert_no_checkout_path(example / "site")

    run([str(venv / "bin" / "labbook"), "new", "x", "--name", "Fresh Lab"], cwd=tmp_path, env=env)
    site = tmp_path / "x"
    series = ".".join(labbook.__version__.split(".")[:2])
    assert f"mkdocs-labbook~={series}" in (site / "requirements.txt").read_text(encoding="utf-8")
    # `make test` is what the site's pull-request workflow runs: `labbook check`, then `mkdocs build --strict`
    log = run(["make", "test", f"PYTHON={python}"], cwd=site, env=env)
    assert "end of life" not in log and "labbook check: no problems" in log
    assert (site / "site" / "publications" / "example2025paper" / "index.html").is_file()
    assert_no_checkout_path(site)


def assert_no_checkout_path(folder: Path) -> None:
    needle = str(ROOT).encode()
    found = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and needle in p.read_bytes()]
    assert not found, f"files naming the checkout {ROOT}: {found[:10]}"
