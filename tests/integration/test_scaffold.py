"""`labbook new` makes a handbook that builds strictly at once; the workflows and the editors' guide it ships."""

from __future__ import annotations

import ast
import fnmatch
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from labbook.cli import main
from labbook.scaffold_copy import scaffold_root
from tests.conftest import ROOT, run_build, visible_text

pytestmark = pytest.mark.slow

SCAFFOLD = ROOT / "plugins" / "labbook" / "scaffold"


def scaffold_files() -> set[str]:
    return {p.relative_to(SCAFFOLD).as_posix() for p in SCAFFOLD.rglob("*") if p.is_file()
            and "__pycache__" not in p.parts}


def test_new_site_checks_clean_and_builds_strictly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`labbook new` writes every scaffold file; `labbook check` finds nothing and `mkdocs build --strict`
    passes, with the example publications on their pages and the lab's name as the site name."""
    target = tmp_path / "mylab"
    result = CliRunner().invoke(main, ["new", str(target), "--name", "Ada's \"Lab\" & Friends"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
    assert written == scaffold_files()
    assert {"mkdocs.yml", "Makefile", "requirements.txt", ".github/workflows/pr.yml", ".github/workflows/deploy.yml",
            "data/publications.bib", "data/people.yml", "data/talks.yml", "data/openings.yml", "data/news.yml",
            "data/courses.yml", "data/projects.yml", "overrides/labbook/README.md", "docs/index.md"} <= written
    assert "__" not in (target / "mkdocs.yml").read_text(encoding="utf-8")

    monkeypatch.chdir(target)
    check = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert (check.exit_code, check.stdout) == (0, ""), check.output
    build = run_build(target, strict=True)
    assert build.returncode == 0, build.log
    index = build.html("publications/index.html")
    assert 'id="example2025paper"' in index and 'id="student2024preprint"' in index
    for page in ("people", "talks", "projects", "openings", "news", "teaching"):
        assert (build.site / page / "index.html").is_file(), page
    home = visible_text(build.html("index.html"))
    assert "An Example Paper" in home and "The lab's website is live" in home and "PhD students" in home
    assert "{{" not in home
    home = build.html("index.html")
    assert "<title>Ada's 'Lab' & Friends</title>" in home  # quotes in the name cannot break mkdocs.yml


def test_new_into_an_empty_existing_folder(tmp_path: Path) -> None:
    """An existing empty folder (a fresh clone, say) is accepted."""
    (tmp_path / "lab").mkdir()
    result = CliRunner().invoke(main, ["new", str(tmp_path / "lab")], catch_exceptions=False)
    assert result.exit_code == 0 and (tmp_path / "lab" / "mkdocs.yml").is_file()


#: Files a new lab gets as copies of this repository's own (a new site must be self-contained).
SHARED_WITH_SCAFFOLD = ("docs/handbook/editing.md", "docs/handbook/ci.md", "docs/stylesheets/extra.css",
                        "overrides/partials/search.html", "overrides/partials/source.html")


@pytest.mark.parametrize("path", SHARED_WITH_SCAFFOLD)
def test_scaffold_copies_are_the_example_files(path: str) -> None:
    """The editors' guide, the CI page, the stylesheet and the template overrides a new lab gets are this
    repository's own, byte for byte: an edit to one that is not made to the other fails here."""
    assert (SCAFFOLD / path).read_bytes() == (ROOT / path).read_bytes()


def test_installed_package_finds_the_scaffold() -> None:
    """The scaffold is read through importlib.resources, as from an installed wheel."""
    names = {child.name for child in scaffold_root().iterdir()}
    assert {".github", ".gitignore", "mkdocs.yml", "data", "docs", "overrides", "Makefile"} <= names


def test_wheel_carries_the_scaffold_and_templates(tmp_path: Path) -> None:
    """A wheel built from pyproject.toml contains every scaffold file, dot-files and .github included."""
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheel = next(tmp_path.glob("mkdocs_labbook-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert {f"labbook/scaffold/{name}" for name in scaffold_files()} <= names
    assert "labbook/templates/labbook/publication.html" in names


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


@pytest.mark.parametrize("root", [ROOT, SCAFFOLD], ids=["repository", "scaffold"])
def test_workflows(root: Path) -> None:
    """The PR workflow checks with GitHub annotations and builds strictly; the deploy workflow publishes main
    to GitHub Pages; both cache pip, and keep .labbook/cache/ (formatted citations, the check's result)."""
    pr = workflow(root / ".github" / "workflows" / "pr.yml")
    deploy = workflow(root / ".github" / "workflows" / "deploy.yml")
    assert "pull_request" in pr["on"]
    assert deploy["on"]["push"]["branches"] == ["main"]
    for flow in (pr, deploy):
        steps = [s for job in flow["jobs"].values() for s in job.get("steps", [])]
        setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
        assert setup["with"]["cache"] == "pip" and setup["with"]["cache-dependency-path"]
        assert (root / setup["with"]["cache-dependency-path"]).is_file()
        runs = [s.get("run", "") for s in steps]
        assert "mkdocs build --strict" in runs
        kept = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
        assert kept["with"]["path"] == ".labbook/cache"
        assert steps.index(kept) < runs.index("mkdocs build --strict")
    pr_runs = [s.get("run", "") for job in pr["jobs"].values() for s in job["steps"]]
    assert "labbook check --format github" in pr_runs
    deploy_uses = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in deploy_uses)
    assert any(u.startswith("actions/deploy-pages") for u in deploy_uses)
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def diagnostic_codes() -> set[str]:
    """Every code the package's source passes to Report.error/warning/info, Diagnostic(...) or TextProblem(...);
    in a code built with an f-string (``f"duplicate-{field}"``) the formatted part becomes ``*``."""
    codes: set[str] = set()
    for source in (ROOT / "plugins" / "labbook").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            index = {"error": 2, "warning": 2, "info": 2, "Diagnostic": 4, "TextProblem": 0}.get(name)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
            elif isinstance(arg, ast.JoinedStr):
                codes.add("".join(v.value if isinstance(v, ast.Constant) else "*" for v in arg.values))
    return codes


def test_the_guide_lists_exactly_the_diagnostic_codes() -> None:
    """The editors' guide has a table row for every diagnostic code the code can emit, and no stale row."""
    codes = diagnostic_codes()
    assert {"bib-syntax", "yaml-unknown-key", "config", "duplicate-*"} <= codes
    guide = (ROOT / "docs" / "handbook" / "editing.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`") for line in guide.splitlines() if line.startswith("| `")}
    assert not [c for c in codes if not fnmatch.filter(rows, c)], "codes without a row in the guide"
    assert not [r for r in rows if not any(fnmatch.fnmatch(r, c) for c in codes)], "rows for codes that do not exist"


def test_requirement_follows_the_release_series_by_default(tmp_path: Path) -> None:
    """By default the site asks for the release series of this labbook (never a path to this checkout), and its
    README says so."""
    from labbook import __version__
    from labbook.scaffold_copy import copy_scaffold, labbook_requirement, release_series

    series = ".".join(__version__.split(".")[:2])
    assert labbook_requirement() == f"mkdocs-labbook~={series}"
    assert release_series("1.2.3.dev4") == "1.2" and release_series("3") == "3.0"
    copy_scaffold(tmp_path / "lab")
    lines = (tmp_path / "lab" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"mkdocs-labbook~={series}" in lines
    readme = (tmp_path / "lab" / "README.md").read_text(encoding="utf-8")
    assert f"`mkdocs-labbook~={series}`" in readme and "PyPI" in readme and "__" not in readme
    checkout = str(ROOT)
    for path in (tmp_path / "lab").rglob("*"):
        if path.is_file():
            assert checkout not in path.read_text(encoding="utf-8", errors="replace"), path


def test_labbook_source_is_an_explicit_choice(tmp_path: Path) -> None:
    """--labbook-source takes a pip URL or a local folder (written as a file:// URL); anything else is a usage
    error before any file is written."""
    tag = "git+https://github.com/example/labbook@v0.1.0"
    result = CliRunner().invoke(main, ["new", str(tmp_path / "a"), "--labbook-source", tag], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"mkdocs-labbook @ {tag}" in (tmp_path / "a" / "requirements.txt").read_text(encoding="utf-8")
    assert "--labbook-source" in (tmp_path / "a" / "README.md").read_text(encoding="utf-8")

    result = CliRunner().invoke(main, ["new", str(tmp_path / "b"), "--labbook-source", str(ROOT)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"mkdocs-labbook @ {ROOT.resolve().as_uri()}" in \
        (tmp_path / "b" / "requirements.txt").read_text(encoding="utf-8").splitlines()

    result = CliRunner().invoke(main, ["new", str(tmp_path / "c"), "--labbook-source", "no-such-thing"])
    assert result.exit_code == 2 and "neither a URL" in result.output
    assert not (tmp_path / "c").exists()
