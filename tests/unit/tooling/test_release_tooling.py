"""The release helpers in .ci/: the lower-bound constraints of the matrix and the tag/CHANGELOG check."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import labbook

ROOT = Path(__file__).resolve().parents[3]


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / ".ci" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_lower_bounds_pin_every_runtime_dependency() -> None:
    """One `name==X` per dependency of pyproject.toml, X its lower bound."""
    pins = script("lower_bounds").lower_bounds(ROOT / "pyproject.toml")
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert len(pins) == len(deps)
    assert "mkdocs==1.6" in pins and "pybtex==0.24" in pins and "click==8.2.0" in pins
    assert all("==" in pin and "," not in pin for pin in pins)


def test_a_dependency_without_lower_bound_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["mkdocs>=1.6,<2", "PyYAML"]\n',
                                             encoding="utf-8")
    with pytest.raises(SystemExit, match="PyYAML has no lower bound"):
        script("lower_bounds").lower_bounds(tmp_path / "pyproject.toml")


def test_release_notes_read_the_version_and_the_section() -> None:
    notes = script("release_notes")
    assert notes.source_version() == labbook.__version__
    changelog = "# Changelog\n\n## Unreleased\n\n- next\n\n## [0.2.0] - 2027-01-15\n\n### Added\n- a\n\n## 0.1.0\n- b\n"
    assert notes.changelog_section("0.2.0", changelog) == "### Added\n- a"
    assert notes.changelog_section("0.1.0", changelog) == "- b"
    with pytest.raises(SystemExit, match=r"no '## 0\.3\.0' section"):
        notes.changelog_section("0.3.0", changelog)
    with pytest.raises(SystemExit, match="empty"):
        notes.changelog_section("1.0.0", "## 1.0.0\n\n## 0.9.0\n- x\n")
    with pytest.raises(SystemExit, match="does not match"):
        notes.main(["release_notes.py", "v999.0.0"])
