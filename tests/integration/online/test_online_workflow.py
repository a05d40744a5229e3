"""The scaffold's scheduled sync workflow: weekly and on demand, a pull request, never a push to main."""

from __future__ import annotations

import shlex

import yaml
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import ROOT

WORKFLOW = ROOT / "plugins/labbook/scaffold/.github/workflows/sync.yml"


def test_sync_workflow_runs_weekly_and_opens_a_pull_request() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    assert set(flow["permissions"]) == {"contents", "pull-requests"}
    steps = flow["jobs"]["sync"]["steps"]
    pull = next(s for s in steps if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert pull["with"]["branch"] not in ("main", "master")
    assert all("git push" not in str(s.get("run", "")) for s in steps)
    command = next(s["run"] for s in steps if "labbook sync" in str(s.get("run", "")))
    words = shlex.split(command.split("${SINCE")[0])
    assert words[:2] == ["labbook", "sync"]
    # Every option the workflow passes exists (checked with --help, which exits before doing anything).
    result = CliRunner().invoke(main, [*words[1:], "--help"])
    assert result.exit_code == 0, result.output
    assert ".labbook/" in (ROOT / "plugins/labbook/scaffold/.gitignore").read_text(encoding="utf-8")
