"""The GitHub workflows, this repository's and the scaffold's: loaded and checked for the mistakes actionlint
would catch that matter here (unknown keys, steps with neither `uses` nor `run`, unpinned actions, `needs` and
`matrix.*` that name nothing), plus what each workflow promises: the matrix covers every supported Python with
MkDocs and ProperDocs, newest and lowest dependencies; the release publishes by trusted publishing, with no token.
When an `actionlint` binary is on PATH it checks every file too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml")) + \
    sorted((ROOT / "plugins" / "labbook" / "scaffold" / ".github" / "workflows").glob("*.yml"))
TOP_KEYS = {"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"}
JOB_KEYS = {"name", "needs", "runs-on", "permissions", "environment", "concurrency", "outputs", "env", "defaults",
            "if", "steps", "timeout-minutes", "strategy", "continue-on-error", "container", "services", "uses",
            "with", "secrets"}
STEP_KEYS = {"id", "if", "name", "uses", "run", "with", "env", "shell", "working-directory", "continue-on-error",
             "timeout-minutes"}
PERMISSIONS = {"read", "write", "none"}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def expressions(node: Any) -> list[str]:
    """Every ``${{ ... }}`` expression in a workflow node."""
    if isinstance(node, dict):
        return [e for key, value in node.items() for e in expressions(key) + expressions(value)]
    if isinstance(node, list):
        return [e for item in node for e in expressions(item)]
    return re.findall(r"\$\{\{(.*?)\}\}", node) if isinstance(node, str) else []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_workflow_structure(path: Path) -> None:
    flow = load(path)
    assert set(flow) <= TOP_KEYS and flow["on"] and flow["jobs"], set(flow) - TOP_KEYS
    for value in (flow.get("permissions") or {}).values():
        assert value in PERMISSIONS
    jobs: dict[str, Any] = flow["jobs"]
    for job_id, job in jobs.items():
        assert set(job) <= JOB_KEYS, (job_id, set(job) - JOB_KEYS)
        assert "runs-on" in job and job.get("steps"), job_id
        needs = job.get("needs", [])
        for need in [needs] if isinstance(needs, str) else needs:
            assert need in jobs, f"{job_id} needs unknown job {need}"
        for value in (job.get("permissions") or {}).values():
            assert value in PERMISSIONS
        matrix = (job.get("strategy") or {}).get("matrix") or {}
        matrix_keys = {k for k in matrix if k not in {"include", "exclude"}}
        matrix_keys |= {k for row in matrix.get("include", []) for k in row}
        step_ids = {s["id"] for s in job["steps"] if "id" in s}
        for step in job["steps"]:
            assert set(step) <= STEP_KEYS, (job_id, set(step) - STEP_KEYS)
            assert ("uses" in step) != ("run" in step), f"{job_id}: a step needs exactly one of uses/run: {step}"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[\w./-]+", step["uses"]), step["uses"]
        for expression in expressions(job):
            for key in re.findall(r"\bmatrix\.([\w-]+)", expression):
                assert key in matrix_keys, f"{job_id}: matrix.{key} is not in the matrix"
            for step_id in re.findall(r"\bsteps\.([\w-]+)", expression):
                assert step_id in step_ids, f"{job_id}: no step has the id {step_id}"


def supported_pythons() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if re.fullmatch(r".*Python :: 3\.\d+", c)]


def test_matrix_covers_every_platform() -> None:
    """Every supported Python x {MkDocs, ProperDocs} x {newest, lowest}, minus the documented exclusions; the
    lowest deps on the oldest Python; the browser tests in exactly one cell; each cell runs .ci/matrix-cell."""
    job = load(ROOT / ".github" / "workflows" / "ci.yml")["jobs"]["test"]
    matrix = job["strategy"]["matrix"]
    assert matrix["python"] == supported_pythons() == ["3.11", "3.12", "3.13"]
    assert matrix["generator"] == ["mkdocs", "properdocs"] and matrix["deps"] == ["newest", "lowest"]
    cells = [(p, g, d) for p in matrix["python"] for g in matrix["generator"] for d in matrix["deps"]
             if not any(all({"python": p, "generator": g, "deps": d}[k] == v for k, v in row.items())
                        for row in matrix.get("exclude", []))]
    assert ("3.11", "mkdocs", "lowest") in cells and ("3.11", "properdocs", "lowest") in cells
    assert {p for p, _, _ in cells} == set(supported_pythons())
    assert sum(1 for row in matrix["include"] if row.get("browser")) == 1
    runs = [s.get("run", "") for s in job["steps"]]
    assert any(r.startswith(".ci/matrix-cell python ${{ matrix.generator }} ${{ matrix.deps }}") for r in runs)
    assert os.access(ROOT / ".ci" / "matrix-cell", os.X_OK)


def test_release_publishes_by_trusted_publishing() -> None:
    """On a version tag: build once, test that wheel, publish with an OIDC token (id-token: write, no password
    or API token), then a GitHub release with the files attached."""
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    flow = load(ROOT / ".github" / "workflows" / "release.yml")
    assert flow["on"] == {"push": {"tags": ["v*"]}}
    assert flow["permissions"] == {"contents": "read"}
    jobs = flow["jobs"]
    assert jobs["test"]["needs"] == "build" and jobs["publish"]["needs"] == "test"
    assert jobs["github-release"]["needs"] == "publish"
    publish = jobs["publish"]
    assert publish["permissions"] == {"id-token": "write"} and publish["environment"]["name"] == "pypi"
    step = next(s for s in publish["steps"] if s.get("uses", "").startswith("pypa/gh-action-pypi-publish@"))
    assert not (step.get("with") or {}).keys() & {"password", "user"}
    assert "secrets." not in text
    tests = " ".join(s.get("run", "") for s in jobs["test"]["steps"])
    assert "tests/integration/test_release.py" in tests
    assert "LABBOOK_DIST" in str(jobs["test"]["steps"])
    release = " ".join(s.get("run", "") for s in jobs["github-release"]["steps"])
    assert "gh release create" in release and "dist/*" in release
    assert jobs["github-release"]["permissions"] == {"contents": "write"}


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="no actionlint binary on PATH")
def test_actionlint_finds_nothing() -> None:
    proc = subprocess.run(["actionlint", "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
