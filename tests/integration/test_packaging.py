"""The distribution another lab installs: entry points, templates and assets inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_plugin_is_registered_for_mkdocs_and_properdocs() -> None:
    """Both plugin groups name labbook.mkdocs.plugin:LabbookPlugin; the console script exists."""
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        names = {ep.name: ep.value for ep in entry_points(group=group)}
        assert names.get("labbook") == "labbook.mkdocs.plugin:LabbookPlugin"
    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("labbook") == "labbook.cli:main"


def test_wheel_carries_templates_assets_and_type_marker(tmp_path: Path) -> None:
    """A wheel built from the repository holds every template and asset the plugin reads at run time."""
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("mkdocs_labbook-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "plugins" / "labbook"
    wanted = {f"labbook/{p.relative_to(package).as_posix()}" for p in (package / "templates").rglob("*") if p.is_file()}
    assert wanted and wanted <= names
    assert "labbook/py.typed" in names
